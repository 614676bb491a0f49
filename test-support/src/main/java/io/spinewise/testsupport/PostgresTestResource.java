package io.spinewise.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives the application under test a fresh, empty PostgreSQL database; Flyway then builds
 * the schema at start-up. Use it with {@code scope = RESTRICTED_TO_CLASS} so that every test
 * class starts from the migrations alone, never from another class's leftovers.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestDatabaseServer server = TestDatabaseServer.get();
        return Map.of(
                "quarkus.datasource.jdbc.url", server.createDatabase("test"),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        // The database is left for inspection after a failure; the embedded server's
        // temporary folder is removed when the JVM exits.
    }
}

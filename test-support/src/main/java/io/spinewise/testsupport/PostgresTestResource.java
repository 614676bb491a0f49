package io.spinewise.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives the application under test a fresh, empty PostgreSQL database with its two roles; Flyway
 * builds the schema at start-up as the owner, and the service runs as the runtime role, with only
 * what the migrations grant it (as in production). Use it with {@code scope = RESTRICTED_TO_CLASS} so that every test
 * class starts from the migrations alone, never from another class's leftovers.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestDatabaseServer.ServiceDatabase database = TestDatabaseServer.get().createServiceDatabase("test");
        return properties(database);
    }

    /** A service's settings for {@code database}: it runs as the runtime role, its migrations as the owner. */
    public static Map<String, String> properties(TestDatabaseServer.ServiceDatabase database) {
        return Map.of(
                "quarkus.datasource.jdbc.url", database.url(),
                "quarkus.datasource.username", database.runtimeUser(),
                "quarkus.datasource.password", database.runtimePassword(),
                "quarkus.flyway.username", database.owner(),
                "quarkus.flyway.password", database.ownerPassword());
    }

    @Override
    public void stop() {
        // The database is left for inspection after a failure; the embedded server's
        // temporary folder is removed when the JVM exits.
    }
}

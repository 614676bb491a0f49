package io.spinewise.plan;

import io.spinewise.testsupport.TestDatabaseServer;
import org.flywaydb.core.Flyway;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * What the migration tests share: plan-service's own migrations run up to a version, as the service's
 * start runs them (the schema owner, the runtime role's name as placeholder), and a count read back.
 */
final class MigrationSteps {

    private MigrationSteps() {
    }

    /** The service's migrations up to and including {@code target}. */
    static Flyway flyway(TestDatabaseServer.ServiceDatabase db, String target) {
        return Flyway.configure()
                .dataSource(db.url(), db.owner(), db.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("runtime_role", db.runtimeUser()))
                .target(target)
                .load();
    }

    /** The first column of the query's first row, as a number. */
    static long count(Statement statement, String query) throws SQLException {
        try (ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

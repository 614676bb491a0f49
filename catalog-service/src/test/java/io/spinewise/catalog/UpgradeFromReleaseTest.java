package io.spinewise.catalog;

import io.spinewise.testsupport.TestDatabaseServer;
import io.spinewise.testsupport.upgrade.TableDigests;
import io.spinewise.testsupport.upgrade.TableDump;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading from release 0.1.0 (issue 16 §2): catalog-service's database as 0.1.0 left it (its schema, Flyway
 * version {@value #RELEASE_VERSION}, rebuilt by today's unchanged migrations up to it; the rows dumped from
 * {@code ./spinewise up} of tag v0.1.0, {@code release-0.1.0/catalog.copy.gz}) migrated by every migration
 * there is today: every table still holds the rows it held (columns a migration added aside). A migration
 * added later is covered without a change here.
 */
class UpgradeFromReleaseTest {

    private static final String RELEASE_VERSION = "8";

    @Test
    void everyTableHoldsTheRowsItHeldInReleaseZeroOneZero() throws SQLException, IOException {
        TestDatabaseServer server = TestDatabaseServer.get();
        TestDatabaseServer.ServiceDatabase db = server.createServiceDatabase("upgrade");
        flyway(db, RELEASE_VERSION).migrate();
        List<TableDigests.TableDigest> before;
        try (Connection superuser = DriverManager.getConnection(db.url(), server.user(), server.password());
             InputStream dump = UpgradeFromReleaseTest.class.getResourceAsStream("/release-0.1.0/catalog.copy.gz")) {
            superuser.setAutoCommit(true);
            assertThat(TableDump.load(superuser, dump)).as("rows of 0.1.0").isGreaterThan(40);
            try (Statement s = superuser.createStatement()) {
                s.execute("SET TIME ZONE 'UTC'");
            }
            before = TableDigests.of(superuser);
        }

        flyway(db, "latest").migrate();

        List<TableDigests.TableDigest> after = new ArrayList<>();
        try (Connection superuser = DriverManager.getConnection(db.url(), server.user(), server.password());
             Statement s = superuser.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            for (TableDigests.TableDigest table : before) {
                after.add(TableDigests.of(superuser, table.table(), table.columns(), "true"));
            }
        }
        assertThat(after).as("every table of 0.1.0, its old columns' rows").isEqualTo(before);
        assertThat(before).extracting(TableDigests.TableDigest::table).contains("exercise", "routine", "routine_item");
    }

    private static Flyway flyway(TestDatabaseServer.ServiceDatabase db, String target) {
        return Flyway.configure()
                .dataSource(db.url(), db.owner(), db.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("runtime_role", db.runtimeUser()))
                .target(target)
                .load();
    }
}

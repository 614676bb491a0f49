package io.spinewise.plan;

import io.spinewise.testsupport.TestDatabaseServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.spinewise.plan.MigrationSteps.flyway;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * V24's kept patient count per clinic on every path that changes a clinic's patients, not only the enrolment the
 * service makes: the count taken when the migration runs on existing patients, inserts of several clinics in one
 * statement, deletes, a patient moved to another clinic by SQL, a rolled-back insert. After each, the kept counts
 * equal a fresh count of the table.
 */
class ClinicPatientCountTest {

    @Test
    void theKeptCountFollowsEveryWayPatientsComeGoAndMove() throws SQLException {
        TestDatabaseServer.ServiceDatabase db = TestDatabaseServer.get().createServiceDatabase("patientcount");
        flyway(db, "23").migrate();
        try (Connection owner = owner(db); Statement s = owner.createStatement()) {
            insert(s, "north", "Ann", "Bo", "Cy");
            insert(s, "south", "Di", "Ed");
        }

        flyway(db, "latest").migrate();

        try (Connection owner = owner(db); Statement s = owner.createStatement()) {
            assertThat(kept(s)).as("counted when V24 ran").isEqualTo(Map.of("north", 3L, "south", 2L));

            // one statement adding to two clinics, one of them new
            s.execute("INSERT INTO patient (id, clinic_id, subject, first_name, last_name, time_zone) VALUES "
                    + row("north", "Fay") + ", " + row("east", "Gus") + ", " + row("north", "Hal"));
            assertThat(kept(s)).isEqualTo(Map.of("north", 5L, "south", 2L, "east", 1L)).isEqualTo(counted(s));

            delete(s, "first_name IN ('Ann', 'Di')");
            assertThat(kept(s)).isEqualTo(Map.of("north", 4L, "south", 1L, "east", 1L)).isEqualTo(counted(s));

            s.execute("UPDATE patient SET clinic_id = 'south' WHERE first_name = 'Bo'");
            s.execute("UPDATE patient SET last_name = 'Renamed' WHERE first_name = 'Cy'");
            assertThat(kept(s)).as("moved, and renamed (no change)")
                    .isEqualTo(Map.of("north", 3L, "south", 2L, "east", 1L)).isEqualTo(counted(s));

            delete(s, "clinic_id = 'east'");
            assertThat(kept(s)).as("a clinic's last patient gone: zero, not a missing row")
                    .isEqualTo(Map.of("north", 3L, "south", 2L, "east", 0L));

            owner.setAutoCommit(false);
            insert(s, "north", "Ivy");
            owner.rollback();
            owner.setAutoCommit(true);
            assertThat(kept(s)).as("a rolled-back enrolment").isEqualTo(Map.of("north", 3L, "south", 2L, "east", 0L));
        }
    }

    private static void insert(Statement s, String clinic, String... firstNames) throws SQLException {
        for (String name : firstNames) {
            s.execute("INSERT INTO patient (id, clinic_id, subject, first_name, last_name, time_zone) VALUES "
                    + row(clinic, name));
        }
    }

    /** Deletes the patients {@code where} selects, with the rollup rows V16's trigger gave them. */
    private static void delete(Statement s, String where) throws SQLException {
        String patients = "(SELECT id FROM patient WHERE " + where + ")";
        s.execute("DELETE FROM adherence_day WHERE patient_id IN " + patients);
        s.execute("DELETE FROM adherence_rollup WHERE patient_id IN " + patients);
        s.execute("DELETE FROM patient WHERE " + where);
    }

    private static String row(String clinic, String firstName) {
        return "('%s', '%s', '%s', '%s', 'Tester', 'UTC')".formatted(UUID.randomUUID(), clinic, UUID.randomUUID(),
                firstName);
    }

    private static Map<String, Long> kept(Statement s) throws SQLException {
        return map(s, "SELECT clinic_id, patients FROM clinic_patient_count");
    }

    private static Map<String, Long> counted(Statement s) throws SQLException {
        return map(s, "SELECT clinic_id, count(*) FROM patient GROUP BY clinic_id");
    }

    private static Map<String, Long> map(Statement s, String query) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private static Connection owner(TestDatabaseServer.ServiceDatabase db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword());
    }
}

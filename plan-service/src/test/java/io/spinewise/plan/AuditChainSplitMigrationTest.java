package io.spinewise.plan;

import io.spinewise.testsupport.TestDatabaseServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static io.spinewise.plan.MigrationSteps.count;
import static io.spinewise.plan.MigrationSteps.flyway;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database whose audit log was one chain per clinic (V5 to V22) gets chains per patient bucket from V23 without a
 * record rewritten: the records written before stay on the clinic's one chain, which continues as chain 0, and the
 * records written after are on their patient's chain; every chain links.
 */
class AuditChainSplitMigrationTest {

    private static final String NORTH = "north";
    private static final String SOUTH = "south";

    @Test
    void recordsWrittenBeforeTheSplitStayOnChainZeroWhichContinuesAndNewRecordsGoToTheirPatientsChain()
            throws SQLException {
        TestDatabaseServer.ServiceDatabase db = TestDatabaseServer.get().createServiceDatabase("chainsplit");
        flyway(db, "22").migrate();
        UUID onSeven = AuditChains.patientOnChain(7);
        UUID onTwelve = AuditChains.patientOnChain(12);
        try (Connection service = runtime(db)) {
            // interleaved clinics, patients on several buckets and records without a patient, on one chain a clinic
            for (int i = 0; i < 3; i++) {
                insert(service, NORTH, onSeven);
                insert(service, SOUTH, onTwelve);
                insert(service, NORTH, null);
                insert(service, NORTH, onTwelve);
            }
        }
        String northHead;
        String hashesBefore;
        try (Connection owner = owner(db); Statement s = owner.createStatement()) {
            northHead = string(s, "SELECT hash FROM audit_event WHERE clinic_id = 'north' ORDER BY id DESC LIMIT 1");
            hashesBefore = string(s, "SELECT string_agg(id || ':' || coalesce(prev_hash, '') || ':' || hash, ',' ORDER BY id)"
                    + " FROM audit_event");
        }

        flyway(db, "latest").migrate();

        try (Connection service = runtime(db); Statement s = service.createStatement()) {
            long chainZeroFirst = insert(service, NORTH, null);
            insert(service, NORTH, onSeven);
            insert(service, NORTH, onSeven);
            insert(service, SOUTH, onTwelve);
            insert(service, NORTH, onTwelve);

            assertThat(string(s, "SELECT string_agg(id || ':' || coalesce(prev_hash, '') || ':' || hash, ',' ORDER BY id)"
                    + " FROM audit_event WHERE id < (SELECT first_id FROM audit_chain_split)"))
                    .as("the records written before, unchanged").isEqualTo(hashesBefore);
            assertThat(count(s, "SELECT count(*) FROM audit_event WHERE id < (SELECT first_id FROM audit_chain_split)"
                    + " AND audit_record_chain(id, patient_id) <> 0")).as("records before the split off chain 0").isZero();
            assertThat(string(s, "SELECT prev_hash FROM audit_event WHERE id = " + chainZeroFirst))
                    .as("chain 0 continues the clinic's one chain").isEqualTo(northHead);
            assertThat(count(s, "SELECT count(*) FROM audit_event WHERE clinic_id = 'north' AND patient_id = '" + onSeven
                    + "' AND audit_record_chain(id, patient_id) = 7")).as("the patient's new records on its chain")
                    .isEqualTo(2);
            assertThat(count(s, "SELECT count(*) FROM audit_event WHERE prev_hash IS NULL"))
                    .as("chain starts: north's and south's first records, north's chains 7 and 12, south's 12")
                    .isEqualTo(5);
            assertThat(count(s, """
                    SELECT count(*) FROM (
                        SELECT a.hash = audit_event_hash(a) AS unchanged,
                               a.prev_hash IS NOT DISTINCT FROM lag(a.hash) OVER (
                                   PARTITION BY a.clinic_id, audit_record_chain(a.id, a.patient_id) ORDER BY a.id) AS linked
                        FROM audit_event a) AS chain
                    WHERE NOT (unchanged AND linked)""")).as("records off their chain").isZero();
        }
    }

    private static long insert(Connection service, String clinic, UUID patient) throws SQLException {
        try (PreparedStatement s = service.prepareStatement("INSERT INTO audit_event (clinic_id, actor, action, outcome,"
                + " status, patient_id) VALUES (?, 'someone', 'patient.read', 'SUCCESS', 200, ?) RETURNING id")) {
            s.setString(1, clinic);
            s.setObject(2, patient);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Connection runtime(TestDatabaseServer.ServiceDatabase db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.runtimeUser(), db.runtimePassword());
    }

    private static Connection owner(TestDatabaseServer.ServiceDatabase db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword());
    }

    private static String string(Statement statement, String query) throws SQLException {
        try (ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

package io.spinewise.plan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.audit.AuditCheckpointJob;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestDatabaseServer;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.spinewise.plan.AuditChains.patientOnChain;
import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.enrol;
import static io.spinewise.plan.Users.PROBLEM_JSON;
import static io.spinewise.plan.Users.anonymous;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

/**
 * The audit log holds against the service's own database role, shows tampering by anyone else, and
 * patient data is not served when its reading cannot be recorded. The service runs as the runtime
 * role of {@link PostgresTestResource}; tampering is done as the server's superuser, past every grant.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS) // to prescribe
class AuditIntegrityTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditCheckpointJob checkpoints;

    @Test
    void theRuntimeRoleCanNeitherChangeNorRemoveAuditRecords() throws SQLException {
        Clinic clinic = Clinic.fresh();
        as(clinic.chiro()).get("/api/patients").then().statusCode(200);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String sql : List.of("UPDATE audit_event SET actor = 'someone else'", "DELETE FROM audit_event",
                    "TRUNCATE audit_event", "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update",
                    "ALTER TABLE audit_event DISABLE TRIGGER ALL", "DROP TRIGGER audit_event_no_update ON audit_event",
                    "DROP TABLE audit_event", "ALTER TABLE audit_event OWNER TO CURRENT_USER",
                    "CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql"
                            + " AS 'BEGIN RETURN OLD; END'",
                    "CREATE TABLE audit_copy (id bigint)",
                    // the chain head: the next record's predecessor is not the runtime role's to choose, or to read
                    "UPDATE audit_chain_head SET last_hash = 'forged'", "DELETE FROM audit_chain_head",
                    "INSERT INTO audit_chain_head (clinic_key, chain, last_id, last_hash) VALUES ('forged', 3, 1, 'forged')",
                    "SELECT * FROM audit_chain_head",
                    // nor is the cut-over to chains per patient bucket theirs to move
                    "UPDATE audit_chain_split SET first_id = 1", "DELETE FROM audit_chain_split",
                    "INSERT INTO audit_chain_split (first_id) VALUES (1)")) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(sql + ": " + e.getMessage())
                                .isEqualTo("42501")) // insufficient_privilege: refused by the grants, not the trigger
                        .hasMessageNotContaining("append-only");
            }
            assertThat(s.executeUpdate("INSERT INTO audit_event (clinic_id, actor, action, outcome, status)"
                    + " VALUES ('" + clinic.id() + "', 'a', 'test.insert', 'SUCCESS', 200)")).isEqualTo(1);
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_event WHERE clinic_id = '" + clinic.id() + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void theRuntimeRoleIsNoSuperuserAndOwnsNothing() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolreplication,
                           (SELECT count(*) FROM pg_class WHERE relowner = r.oid) AS relations,
                           (SELECT count(*) FROM pg_proc WHERE proowner = r.oid) AS functions,
                           (SELECT count(*) FROM pg_namespace WHERE nspowner = r.oid) AS schemas,
                           (SELECT count(*) FROM pg_database WHERE datdba = r.oid) AS databases,
                           has_schema_privilege(r.oid, 'public', 'CREATE') AS creates,
                           has_database_privilege(r.oid, current_database(), 'CREATE') AS creates_schemas,
                           has_table_privilege(r.oid, 'audit_event', 'UPDATE') AS updates_audit,
                           has_table_privilege(r.oid, 'audit_event', 'DELETE') AS deletes_audit,
                           has_table_privilege(r.oid, 'audit_event', 'TRUNCATE') AS truncates_audit,
                           has_table_privilege(r.oid, 'audit_event', 'TRIGGER') AS triggers_audit,
                           has_table_privilege(r.oid, 'flyway_schema_history', 'SELECT') AS reads_migrations,
                           (SELECT count(*) FROM pg_auth_members WHERE member = r.oid) AS memberships
                    FROM pg_roles r WHERE r.rolname = current_user""")) {
                assertThat(rs.next()).isTrue();
                for (String column : List.of("rolsuper", "rolbypassrls", "rolcreaterole", "rolcreatedb", "rolreplication",
                        "creates", "creates_schemas", "updates_audit", "deletes_audit", "truncates_audit",
                        "triggers_audit", "reads_migrations")) {
                    assertThat(rs.getBoolean(column)).as(column).isFalse();
                }
                for (String column : List.of("relations", "functions", "schemas", "databases", "memberships")) {
                    assertThat(rs.getLong(column)).as(column + " owned or joined").isZero();
                }
            }
            // and the tables are the migration role's: not the runtime role, not the superuser
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class"
                    + " WHERE relnamespace = 'public'::regnamespace")) {
                List<String> owners = new ArrayList<>();
                while (rs.next()) {
                    owners.add(rs.getString(1));
                }
                assertThat(owners).containsExactly(ConfigProvider.getConfig().getValue("quarkus.flyway.username",
                        String.class));
            }
        }
    }

    @Test
    void anIntactChainVerifies() {
        Clinic clinic = Clinic.fresh();
        as(clinic.admin()).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("records", equalTo(0))
                .body("verifiedUpTo", nullValue()).body("firstBroken", nullValue());
        EnrolledPatient patient = enrol(clinic.chiro(), clinic.id(), "Ina", "Europe/Oslo");
        for (int i = 0; i < 3; i++) {
            as(clinic.chiro()).get("/api/patients/" + patient.id()).then().statusCode(200);
        }
        // the enrolment, three reads and the first verification itself
        as(clinic.admin()).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("records", equalTo(5))
                .body("verifiedUpTo", notNullValue()).body("lastHash", not(emptyString()))
                .body("firstBroken", nullValue());
    }

    @Test
    void concurrentWritersOfOneClinicKeepEachOfItsChainsWhole() throws Exception {
        Clinic clinic = Clinic.fresh();
        // eight writers, each for patients on two chains of its own and on chain 0 shared by all of them
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                List<UUID> patients = List.of(patientOnChain(0), patientOnChain(2 * w), patientOnChain(2 * w + 1));
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        insertAsService(clinic.id(), patients.get(i % 3), "writer");
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        as(clinic.admin()).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("records", equalTo(200))
                .body("chains.size()", equalTo(16))
                .body("chains.chain", equalTo(IntStream.range(0, 16).boxed().toList()))
                .body("chains.findAll { it.intact }.size()", equalTo(16))
                .body("chains.sum { it.records }", equalTo(200));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE prev_hash IS NULL),"
                     + " count(DISTINCT prev_hash), count(*), count(DISTINCT audit_record_chain(id, patient_id))"
                     + " FROM audit_event WHERE clinic_id = '" + clinic.id() + "'")) {
            rs.next();
            assertThat(rs.getLong(4)).as("chains written").isEqualTo(16);
            assertThat(rs.getLong(1)).as("records that start a chain: one a chain").isEqualTo(16);
            assertThat(rs.getLong(2)).as("distinct predecessors: no two records follow the same one")
                    .isEqualTo(rs.getLong(3) - 16);
        }
        assertThat(ownerQuery("SELECT count(*) FROM audit_chain_head h JOIN (SELECT DISTINCT ON (chain) chain, id, hash"
                + " FROM (SELECT *, audit_record_chain(id, patient_id) AS chain FROM audit_event WHERE clinic_id = '"
                + clinic.id() + "') e ORDER BY chain, id DESC) last ON last.chain = h.chain AND last.id = h.last_id"
                + " AND last.hash = h.last_hash WHERE h.clinic_key = '" + clinic.id() + "'"))
                .as("each chain's head is its last record").isEqualTo("16");
    }

    @Test
    void aPatientsRecordsStayOnOneChainInTheOrderTheyWereWritten() throws SQLException {
        Clinic clinic = Clinic.fresh();
        UUID patient = patientOnChain(9);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(insertAsService(clinic.id(), patient, "record " + i));
            insertAsService(clinic.id(), patientOnChain(4), "another patient's record " + i);
        }
        assertThat(ownerQuery("SELECT string_agg(e.id::text, ',' ORDER BY e.id) FROM audit_event e"
                + " JOIN audit_event p ON p.hash = e.prev_hash AND p.clinic_id = e.clinic_id"
                + " WHERE e.clinic_id = '" + clinic.id() + "' AND e.patient_id = '" + patient + "'"))
                .as("each of the patient's records after the first follows the one before it")
                .isEqualTo(ids.subList(1, 4).stream().map(String::valueOf).collect(Collectors.joining(",")));
        as(clinic.admin()).get("/api/audit/verification").then().statusCode(200)
                .body("chains.find { it.chain == 9 }.records", equalTo(4))
                .body("chains.find { it.chain == 9 }.firstId", equalTo(ids.get(0).intValue()));
    }

    @Test
    void aRecordChangedOnAnyChainIsFoundOnItsChainAndTheOthersStayIntact() throws SQLException {
        Clinic clinic = Clinic.fresh();
        List<Long> other = writeRecords(clinic, patientOnChain(3), 3);
        List<Long> ids = writeRecords(clinic, patientOnChain(12), 4);
        asSuperuser("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update",
                "UPDATE audit_event SET target = 'rewritten' WHERE id = " + ids.get(2),
                "ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");

        as(clinic.admin()).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBroken.id", equalTo(ids.get(2).intValue()))
                .body("firstBroken.problem", equalTo("CHANGED"))
                .body("verifiedUpTo", notNullValue())
                .body("chains.find { it.chain == 12 }.intact", equalTo(false))
                .body("chains.find { it.chain == 12 }.firstBroken.id", equalTo(ids.get(2).intValue()))
                .body("chains.find { it.chain == 3 }.intact", equalTo(true))
                .body("chains.find { it.chain == 3 }.records", equalTo(other.size()));
    }

    @Test
    void aRecordDeletedFromAnyChainIsFoundAtTheNextRecordOfThatChain() throws SQLException {
        Clinic clinic = Clinic.fresh();
        UUID patient = patientOnChain(7);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(insertAsService(clinic.id(), patient, "record " + i));
            insertAsService(clinic.id(), patientOnChain(8), "between");
        }
        asSuperuser("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update",
                "DELETE FROM audit_event WHERE id = " + ids.get(1),
                "ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");

        as(clinic.admin()).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(false))
                .body("records", equalTo(7))
                .body("firstBroken.id", equalTo(ids.get(2).intValue()))
                .body("firstBroken.problem", equalTo("PREVIOUS_MISSING_OR_CHANGED"))
                .body("chains.find { it.chain == 8 }.intact", equalTo(true));
    }

    @Test
    void twoRecordsOfAChainSwappedAreFound() throws SQLException {
        Clinic clinic = Clinic.fresh();
        List<Long> ids = writeRecords(clinic, patientOnChain(5), 4);
        // the second and third record exchange their ids, and with them their places in the chain's order
        asSuperuser("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update",
                "UPDATE audit_event SET id = -1 WHERE id = " + ids.get(1),
                "UPDATE audit_event SET id = " + ids.get(1) + " WHERE id = " + ids.get(2),
                "UPDATE audit_event SET id = " + ids.get(2) + " WHERE id = -1",
                "ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");

        as(clinic.admin()).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBroken.id", equalTo(ids.get(1).intValue()))
                .body("chains.find { it.chain == 5 }.intact", equalTo(false));
    }

    @Test
    void aRecordMovedToAnotherChainWithItsHashRecomputedIsFoundOnBothChains() throws SQLException {
        Clinic clinic = Clinic.fresh();
        List<Long> from = writeRecords(clinic, patientOnChain(1), 3);
        List<Long> to = writeRecords(clinic, patientOnChain(6), 3);
        UUID elsewhere = patientOnChain(6);
        // given the patient of chain 6 and a hash over what it now holds: it is a record of chain 6 that follows none
        asSuperuser("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update",
                "UPDATE audit_event SET patient_id = '" + elsewhere + "' WHERE id = " + from.get(1),
                "UPDATE audit_event a SET hash = audit_event_hash(a) WHERE id = " + from.get(1),
                "ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");

        as(clinic.admin()).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBroken.id", equalTo(from.get(1).intValue()))
                .body("chains.find { it.chain == 1 }.firstBroken.id", equalTo(from.get(2).intValue()))
                .body("chains.find { it.chain == 1 }.firstBroken.problem", equalTo("PREVIOUS_MISSING_OR_CHANGED"))
                .body("chains.find { it.chain == 6 }.firstBroken.id", equalTo(from.get(1).intValue()))
                .body("chains.find { it.chain == 6 }.records", equalTo(to.size() + 1));
    }

    @Test
    void aRecordChangedPastTheTriggerIsFound() throws SQLException {
        Clinic clinic = Clinic.fresh();
        List<Long> ids = writeRecords(clinic, 5);
        long changed = ids.get(2);
        asSuperuser("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update",
                "UPDATE audit_event SET actor = 'nobody' WHERE id = " + changed,
                "ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");

        as(clinic.admin()).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBroken.id", equalTo((int) changed))
                .body("firstBroken.at", notNullValue())
                .body("firstBroken.problem", equalTo("CHANGED"));
    }

    @Test
    void aRecordChangedWithItsHashRecomputedIsFoundAtTheNextRecord() throws SQLException {
        Clinic clinic = Clinic.fresh();
        List<Long> ids = writeRecords(clinic, 5);
        long changed = ids.get(1);
        asSuperuser("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update",
                "UPDATE audit_event SET outcome = 'DENIED' WHERE id = " + changed,
                "UPDATE audit_event a SET hash = audit_event_hash(a) WHERE id = " + changed,
                "ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");

        as(clinic.admin()).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBroken.id", equalTo(ids.get(2).intValue()))
                .body("firstBroken.problem", equalTo("PREVIOUS_MISSING_OR_CHANGED"));
    }

    @Test
    void aDeletedRecordIsFound() throws SQLException {
        Clinic clinic = Clinic.fresh();
        List<Long> ids = writeRecords(clinic, 5);
        asSuperuser("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update",
                "DELETE FROM audit_event WHERE id = " + ids.get(3),
                "ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");

        as(clinic.admin()).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(false))
                .body("records", equalTo(4))
                .body("firstBroken.id", equalTo(ids.get(4).intValue()))
                .body("firstBroken.problem", equalTo("PREVIOUS_MISSING_OR_CHANGED"));
    }

    @Test
    void aClinicVerifiesItsOwnChainOnlyAndOnlyItsAdministrator() throws SQLException {
        Clinic tampered = Clinic.fresh();
        Clinic other = Clinic.fresh();
        List<Long> ids = writeRecords(tampered, 3);
        writeRecords(other, 2);
        asSuperuser("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update",
                "DELETE FROM audit_event WHERE id = " + ids.get(0),
                "ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");

        // the other clinic's administrator walks the other clinic's records alone: nothing of the tampered chain
        as(other.admin()).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("records", equalTo(2));
        as(tampered.admin()).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(false)).body("firstBroken.id", equalTo(ids.get(1).intValue()));
        as(tampered.chiro()).get("/api/audit/verification").then().statusCode(403).contentType(PROBLEM_JSON);
        as(TestIssuer.token(Roles.PATIENT, tampered.id())).get("/api/audit/verification").then().statusCode(403);
        anonymous().get("/api/audit/verification").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void patientDataIsNotServedWhenItsReadingCannotBeRecorded() throws SQLException {
        Clinic clinic = Clinic.fresh();
        EnrolledPatient patient = enrol(clinic.chiro(), clinic.id(), "Zelda", "Europe/Oslo");
        LocalDate today = patient.today();
        String runtimeRole = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        asSuperuser("REVOKE INSERT ON audit_event FROM " + runtimeRole);
        try {
            for (String path : List.of("/api/patients/" + patient.id(), "/api/patients",
                    "/api/reports/patients/" + patient.id() + ".pdf",
                    "/api/reports/adherence.csv?from=" + today.minusDays(1) + "&to=" + today)) {
                as(clinic.chiro()).get(path).then().statusCode(503).contentType(PROBLEM_JSON)
                        .header("Retry-After", notNullValue())
                        .header("Content-Disposition", nullValue())
                        .body("detail", containsString("audit"))
                        .body(not(containsString("Zelda")));
            }
            as(patient.token()).get("/api/me/export").then().statusCode(503).contentType(PROBLEM_JSON)
                    .header("Content-Disposition", nullValue())
                    .body(not(containsString("Zelda")));
        } finally {
            asSuperuser("GRANT INSERT ON audit_event TO " + runtimeRole);
        }
        // the same reads are served again once they can be recorded
        as(clinic.chiro()).get("/api/patients/" + patient.id()).then().statusCode(200)
                .body("firstName", equalTo("Zelda"));
    }

    @Test
    void aChangeWhoseRecordCannotBeWrittenIsNotMade() throws SQLException {
        Clinic clinic = Clinic.fresh();
        EnrolledPatient patient = enrol(clinic.chiro(), clinic.id(), "Vera", "Europe/Oslo");
        int lowAdherence = as(clinic.admin()).get("/api/clinic/settings").then().statusCode(200)
                .extract().path("lowAdherencePercent");
        String plan = Fixtures.prescribe(clinic.chiro(), patient.id(),
                Fixtures.fromRoutine("mid-back-relief", Fixtures.schedule(patient.today(), 2)));
        String done = as(patient.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Fixtures.checkOff(plan, patient.today(), 1)).post("/api/me/sessions")
                .then().statusCode(201).extract().path("id");
        String runtimeRole = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        asSuperuser("REVOKE INSERT ON audit_event FROM " + runtimeRole);
        try {
            as(patient.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Fixtures.checkOff(plan, patient.today(), 2)).post("/api/me/sessions")
                    .then().statusCode(503).contentType(PROBLEM_JSON).header("Retry-After", notNullValue())
                    .body("detail", containsString("not saved"));
            as(patient.token()).delete("/api/me/sessions/" + done)
                    .then().statusCode(503).contentType(PROBLEM_JSON).body("detail", containsString("not saved"));
            as(clinic.chiro()).body(Map.of("timeZone", "Asia/Tokyo")).patch("/api/patients/" + patient.id())
                    .then().statusCode(503).contentType(PROBLEM_JSON).body("detail", containsString("not made"));
            as(patient.token()).body(Map.of("timeZone", "Asia/Tokyo")).patch("/api/me")
                    .then().statusCode(503).contentType(PROBLEM_JSON);
            as(clinic.admin()).body(Map.of("lowAdherencePercent", lowAdherence == 42 ? 43 : 42, "painThreshold", 5,
                    "inactiveDays", 9)).put("/api/clinic/settings").then().statusCode(503).contentType(PROBLEM_JSON);
            as(clinic.chiro()).body(Map.of("firstName", "Unrecorded", "lastName", "Tester", "timeZone", "Europe/Oslo",
                    "email", "unrecorded-" + UUID.randomUUID() + "@patients.example")).post("/api/patients")
                    .then().statusCode(503).contentType(PROBLEM_JSON);
        } finally {
            asSuperuser("GRANT INSERT ON audit_event TO " + runtimeRole);
        }
        as(clinic.chiro()).get("/api/patients/" + patient.id()).then().statusCode(200)
                .body("timeZone", equalTo("Europe/Oslo"));
        as(clinic.admin()).get("/api/clinic/settings").then().statusCode(200)
                .body("lowAdherencePercent", equalTo(lowAdherence));
        as(clinic.chiro()).get("/api/patients").then().statusCode(200).body("total", equalTo(1));
        // the check-off of slot 2 was not stored, and slot 1's was not undone
        as(patient.token()).get("/api/me/today").then().statusCode(200)
                .body("plans[0].sessions.findAll { it.done }.size()", equalTo(1));
    }

    @Test
    void aChangeIsRecordedOnceWithItsPatient() {
        Clinic clinic = Clinic.fresh();
        EnrolledPatient patient = enrol(clinic.chiro(), clinic.id(), "Wanda", "Europe/Oslo");
        as(clinic.chiro()).body(Map.of("timeZone", "Asia/Tokyo")).patch("/api/patients/" + patient.id())
                .then().statusCode(200);
        List<Map<String, Object>> records = as(clinic.admin()).get("/api/audit?size=100").then().statusCode(200)
                .extract().path("items");
        assertThat(records).filteredOn(r -> "patient.update".equals(r.get("action"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("outcome")).isEqualTo("SUCCESS");
                    assertThat(r.get("status")).isEqualTo(200);
                    assertThat(r.get("patientId")).isEqualTo(patient.id());
                });
        assertThat(records).filteredOn(r -> "patient.enrol".equals(r.get("action"))).singleElement()
                .satisfies(r -> assertThat(r.get("patientId")).isEqualTo(patient.id()));
    }

    @Test
    void aCheckpointOnChainZeroNamesTheOtherChainsHeadsOncePerMoveAndChecks() throws SQLException {
        Clinic clinic = Clinic.fresh();
        writeRecords(clinic, patientOnChain(3), 2);
        writeRecords(clinic, patientOnChain(12), 2);
        writeRecords(clinic, 1);

        assertThat(checkpoints.run()).isPositive();
        assertThat(checkpointsOf(clinic)).as("one for the clinic's moved chains").isEqualTo(1);
        checkpoints.run();
        assertThat(checkpointsOf(clinic)).as("none while its chains 1-15 stand still").isEqualTo(1);
        writeRecords(clinic, 1);
        checkpoints.run();
        assertThat(checkpointsOf(clinic)).as("a record on chain 0 alone moves nothing named").isEqualTo(1);
        writeRecords(clinic, patientOnChain(3), 1);
        checkpoints.run();
        assertThat(checkpointsOf(clinic)).isEqualTo(2);
        assertThat(ownerQuery("SELECT string_agg(target, '|') FROM audit_event WHERE clinic_id = '" + clinic.id()
                + "' AND action = 'audit.checkpoint' AND actor = 'spinewise' AND patient_id IS NULL"))
                .matches("heads of chains 1-15: [0-9a-f]{64} \\(2 chains\\)\\|heads of chains 1-15: [0-9a-f]{64} \\(2 chains\\)");

        as(clinic.admin()).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("checkpoints", equalTo(2))
                .body("checkpointedUpTo", notNullValue()).body("firstBrokenCheckpoint", nullValue());
        // what the checkpoints remember is the schema owner's, as the heads are
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM audit_checkpoint_last"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void aChainRewrittenConsistentlyBeforeACheckpointIsFoundByTheCheckpoint() throws SQLException {
        Clinic clinic = Clinic.fresh();
        List<Long> ids = new ArrayList<>(writeRecords(clinic, patientOnChain(12), 4));
        checkpoints.run();
        ids.addAll(writeRecords(clinic, patientOnChain(12), 2));
        long checkpoint = Long.parseLong(ownerQuery("SELECT id FROM audit_event WHERE clinic_id = '" + clinic.id()
                + "' AND action = 'audit.checkpoint'"));

        // the tail of chain 12 from its second record rewritten, every later hash and link recomputed, the head moved:
        // the chain itself links again
        List<String> rewrite = new ArrayList<>(List.of("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update",
                "UPDATE audit_event SET target = 'rewritten' WHERE id = " + ids.get(1)));
        for (int i = 1; i < ids.size(); i++) {
            rewrite.add("UPDATE audit_event SET prev_hash = (SELECT hash FROM audit_event WHERE id = " + ids.get(i - 1)
                    + ") WHERE id = " + ids.get(i));
            rewrite.add("UPDATE audit_event a SET hash = audit_event_hash(a) WHERE id = " + ids.get(i));
        }
        rewrite.add("UPDATE audit_chain_head SET last_hash = (SELECT hash FROM audit_event WHERE id = "
                + ids.get(ids.size() - 1) + ") WHERE clinic_key = '" + clinic.id() + "' AND chain = 12");
        rewrite.add("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");
        asSuperuser(rewrite.toArray(String[]::new));

        as(clinic.admin()).get("/api/audit/verification").then().statusCode(200)
                .body("chains.find { it.chain == 12 }.intact", equalTo(true))
                .body("firstBroken", nullValue())
                .body("intact", equalTo(false))
                .body("firstBrokenCheckpoint.id", equalTo((int) checkpoint))
                .body("firstBrokenCheckpoint.problem", equalTo("CHECKPOINT_HEADS_DIFFER"))
                .body("checkpoints", equalTo(0));
    }

    private static long checkpointsOf(Clinic clinic) throws SQLException {
        return Long.parseLong(ownerQuery("SELECT count(*) FROM audit_event WHERE clinic_id = '" + clinic.id()
                + "' AND action = 'audit.checkpoint'"));
    }

    /** Audit records without a patient (chain 0) written as the service writes them, in order; their ids. */
    private List<Long> writeRecords(Clinic clinic, int count) throws SQLException {
        return writeRecords(clinic, null, count);
    }

    /** As {@link #writeRecords(Clinic, int)}, the records of {@code patient}. */
    private List<Long> writeRecords(Clinic clinic, UUID patient, int count) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(insertAsService(clinic.id(), patient, "record " + i));
        }
        return ids;
    }

    private long insertAsService(String clinic, UUID patient, String target) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit_event (clinic_id, actor, action, outcome, status, target, patient_id)"
                        + " VALUES (?, 'tester', 'patient.read', 'SUCCESS', 200, ?, ?) RETURNING id")) {
            c.setAutoCommit(true);
            s.setString(1, clinic);
            s.setString(2, target);
            s.setObject(3, patient);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Runs statements as the server's superuser on the service's database: past every grant and trigger. */
    private static void asSuperuser(String... statements) throws SQLException {
        TestDatabaseServer server = TestDatabaseServer.get();
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** The first column of the first row, read as the server's superuser (past the runtime role's grants). */
    private static String ownerQuery(String sql) throws SQLException {
        TestDatabaseServer server = TestDatabaseServer.get();
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** A clinic of its own per test, so that one test's tampering breaks no other test's chain. */
    private record Clinic(String id, String chiro, String admin) {

        static Clinic fresh() {
            String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
            return new Clinic(id, TestIssuer.token(Roles.CHIROPRACTOR, id), TestIssuer.token(Roles.CLINIC_ADMIN, id));
        }
    }
}

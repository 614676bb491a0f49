package io.spinewise.plan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.audit.AuditCheckpointJob;
import io.spinewise.plan.audit.AuditPartitionJob;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestDatabaseServer;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.spinewise.plan.MigrationSteps.count;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * With a retention of 12 months the audit job drops the months before it, whole: what is older is gone,
 * what is newer stays, each clinic's chain verifies from its first kept record (anchored on the hash of its
 * last dropped one, and says so), the drop is a record in that chain, and tampering with a kept record or
 * removing the first kept one is still found.
 */
@QuarkusTest
@TestProfile(AuditRetentionTest.TwelveMonths.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AuditRetentionTest {

    public static class TwelveMonths implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spinewise.audit.retention-months", "12", "spinewise.audit.jobs", "false");
        }
    }

    private static final YearMonth THIS_MONTH = YearMonth.now(ZoneOffset.UTC);
    /** The first month kept: the twelve whole months before this one. */
    private static final YearMonth FIRST_KEPT = THIS_MONTH.minusMonths(12);

    @Inject
    AuditPartitionJob job;

    @Inject
    AuditCheckpointJob checkpoints;

    @Inject
    AgroalDataSource dataSource;

    private final String changed = clinic();
    private final String cut = clinic();
    private final String intact = clinic();
    private final String gone = clinic();
    /** With a patient's records on chain 11 beside its records without a patient (chain 0). */
    private final String split = clinic();
    private final UUID splitPatient = AuditChains.patientOnChain(11);
    /** A clinic whose chain 5 is all in a dropped month, named by a checkpoint written before the drop. */
    private final String anchored = clinic();
    private final Map<String, List<Long>> kept = new HashMap<>();

    /** Once for the class, before its first test (REST Assured knows the service's port only then). */
    @BeforeEach
    void historyOfFifteenMonthsThenTheJob() throws SQLException {
        if (!kept.isEmpty()) {
            return;
        }
        // two records in each of the 14th and 13th month back (dropped), two in the 12th (kept), for three
        // clinics; a fourth clinic's records are all in dropped months
        for (String clinic : List.of(changed, cut, intact)) {
            writeHistory(clinic, THIS_MONTH.minusMonths(14), THIS_MONTH.minusMonths(13), FIRST_KEPT);
        }
        writeHistory(gone, THIS_MONTH.minusMonths(14));
        writeHistory(split, THIS_MONTH.minusMonths(14), THIS_MONTH.minusMonths(13), FIRST_KEPT);
        writeHistory(split, splitPatient, THIS_MONTH.minusMonths(14), THIS_MONTH.minusMonths(13), FIRST_KEPT);
        for (String clinic : List.of(changed, cut, intact, split)) {
            as(admin(clinic)).get("/api/audit").then().statusCode(200); // a record of this month
            kept.put(clinic, ids(clinic, FIRST_KEPT.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }

        writeHistory(anchored, AuditChains.patientOnChain(5), THIS_MONTH.minusMonths(14));
        as(admin(anchored)).get("/api/audit").then().statusCode(200);
        assertThat(checkpoints.run()).as("the clinics with records on chains 1-15").isEqualTo(2);

        job.run();
    }

    @Test
    void aCheckpointThatNamedADroppedHeadStillChecksThroughThatChainsAnchor() {
        as(admin(anchored)).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true))
                .body("checkpoints", equalTo(1))
                .body("firstBrokenCheckpoint", equalTo(null))
                .body("chains.find { it.chain == 5 }", equalTo(null));
        as(admin(split)).get("/api/audit/verification").then().statusCode(200).body("checkpoints", equalTo(1));
    }

    @Test
    void theMonthsBeforeTheRetentionAreDroppedWholeAndTheNewerOnesStay() throws SQLException {
        Instant cutoff = FIRST_KEPT.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM audit_event WHERE at < '" + cutoff + "'")).isZero();
            assertThat(ids(intact, cutoff)).as("kept records").containsSubsequence(kept.get(intact));
            assertThat(count(s, "SELECT count(*) FROM audit_event WHERE clinic_id = '" + gone
                    + "' AND action <> 'audit.retention.drop'")).isZero();
            assertThat(count(s, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'audit_event'::regclass"
                    + " AND inhrelid::regclass::text IN ('" + partition(THIS_MONTH.minusMonths(14)) + "', '"
                    + partition(THIS_MONTH.minusMonths(13)) + "')")).isZero();
            assertThat(count(s, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'audit_event'::regclass"
                    + " AND inhrelid::regclass::text = '" + partition(FIRST_KEPT) + "'")).isEqualTo(1);
        }
    }

    @Test
    void eachClinicsChainVerifiesFromItsFirstKeptRecordAndSaysWhatWasDropped() {
        Instant cutoff = FIRST_KEPT.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        as(admin(intact)).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true))
                .body("firstId", equalTo(kept.get(intact).get(0).intValue()))
                .body("verifiedFrom", startsWith(FIRST_KEPT.atDay(3).toString()))
                .body("droppedBefore", equalTo(cutoff.toString()))
                .body("firstBroken", equalTo(null));
        // a clinic whose every record was dropped starts again at the drop's record, anchored all the same
        as(admin(gone)).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true))
                .body("droppedBefore", equalTo(THIS_MONTH.minusMonths(13).atDay(1).atStartOfDay()
                        .toInstant(ZoneOffset.UTC).toString()));
    }

    @Test
    void eachChainIsAnchoredOnItsOwnLastDroppedRecordAndItsFirstKeptOneRemovedIsFound() throws SQLException {
        Instant cutoff = FIRST_KEPT.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Long> patientKept = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM audit_event WHERE clinic_id = '" + split
                     + "' AND patient_id = '" + splitPatient + "' ORDER BY id")) {
            while (rs.next()) {
                patientKept.add(rs.getLong(1));
            }
        }
        assertThat(patientKept).as("the patient's records of the first kept month").hasSize(2);
        as(admin(split)).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true))
                .body("chains.find { it.chain == 11 }.firstId", equalTo(patientKept.get(0).intValue()))
                .body("chains.find { it.chain == 11 }.droppedBefore", equalTo(cutoff.toString()))
                .body("chains.find { it.chain == 0 }.droppedBefore", equalTo(cutoff.toString()));
        as(admin(split)).get("/api/audit?size=100").then().statusCode(200)
                .body("items.findAll { it.action == 'audit.retention.drop' }.size()", equalTo(4))
                .body("items.findAll { it.action == 'audit.retention.drop' }.target",
                        hasItem(endsWith(", chain 11")));

        asSuperuser("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update",
                "DELETE FROM audit_event WHERE id = " + patientKept.get(0),
                "ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");
        as(admin(split)).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBroken.id", equalTo(patientKept.get(1).intValue()))
                .body("firstBroken.problem", equalTo("PREVIOUS_MISSING_OR_CHANGED"))
                .body("chains.find { it.chain == 0 }.intact", equalTo(true));
    }

    @Test
    void theDropIsRecordedInTheClinicsOwnLogWithHowManyRecords() {
        as(admin(intact)).get("/api/audit?size=100").then().statusCode(200)
                .body("items.findAll { it.action == 'audit.retention.drop' }.size()", equalTo(2))
                .body("items.findAll { it.action == 'audit.retention.drop' }.actor", hasItem("spinewise"))
                .body("items.findAll { it.action == 'audit.retention.drop' }.target",
                        hasItem(startsWith("2 records before " + FIRST_KEPT.atDay(1) + " dropped (retention 12 months)")));
        as(admin(gone)).get("/api/audit?size=100").then().statusCode(200)
                .body("items.findAll { it.action == 'audit.retention.drop' }.target",
                        hasItem(startsWith("2 records before " + THIS_MONTH.minusMonths(13).atDay(1))));
    }

    @Test
    void aKeptRecordChangedPastTheTriggerIsStillFound() throws SQLException {
        List<Long> ids = kept.get(changed);
        asSuperuser("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update",
                "UPDATE audit_event SET actor = 'nobody' WHERE id = " + ids.get(1),
                "ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");
        as(admin(changed)).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBroken.id", equalTo(ids.get(1).intValue()))
                .body("firstBroken.problem", equalTo("CHANGED"));
    }

    @Test
    void theFirstKeptRecordRemovedIsFoundAtTheNextOne() throws SQLException {
        List<Long> ids = kept.get(cut);
        asSuperuser("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update",
                "DELETE FROM audit_event WHERE id = " + ids.get(0),
                "ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");
        as(admin(cut)).get("/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstId", equalTo(ids.get(1).intValue()))
                .body("firstBroken.id", equalTo(ids.get(1).intValue()))
                .body("firstBroken.problem", equalTo("PREVIOUS_MISSING_OR_CHANGED"));
    }

    /**
     * Two records a month in the given months, written past the triggers as the server's superuser (as if
     * written then) and chained as the insert trigger chains them (the chain's head too); they land in audit_event_default, from
     * which the job moves them into their months' partitions. Without a patient, on the clinic's chain 0.
     */
    private static void writeHistory(String clinic, YearMonth... months) throws SQLException {
        writeHistory(clinic, null, months);
    }

    /** As {@link #writeHistory(String, YearMonth...)}, the records of {@code patient}, on the patient's chain. */
    private static void writeHistory(String clinic, UUID patient, YearMonth... months) throws SQLException {
        String patientValue = patient == null ? "NULL::uuid" : "'" + patient + "'::uuid";
        List<String> statements = new ArrayList<>(List.of("SET session_replication_role = replica"));
        for (YearMonth month : months) {
            for (int day = 3; day <= 4; day++) {
                statements.add("""
                        DO $$
                        DECLARE
                            r audit_event;
                            on_chain smallint := audit_chain_of(%s);
                        BEGIN
                            r := ROW(nextval('audit_event_id_seq'), timestamptz '%s', '%s', 'tester', 'chiropractor',
                                     %s, 'patient.read', 'SUCCESS', 200, 'history', NULL,
                                     (SELECT last_hash FROM audit_chain_head WHERE clinic_key = '%s' AND chain = on_chain),
                                     'unset')::audit_event;
                            r.hash := audit_event_hash(r);
                            INSERT INTO audit_event SELECT r.*;
                            INSERT INTO audit_chain_head (clinic_key, chain, last_id, last_hash)
                                VALUES (r.clinic_id, on_chain, r.id, r.hash) ON CONFLICT (clinic_key, chain)
                                DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash;
                        END;
                        $$""".formatted(patientValue, month.atDay(day).atTime(10, 0).toInstant(ZoneOffset.UTC), clinic,
                        patientValue, clinic));
            }
        }
        asSuperuser(statements.toArray(String[]::new));
    }

    private List<Long> ids(String clinic, Instant from) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM audit_event WHERE clinic_id = '" + clinic
                     + "' AND at >= '" + from + "' AND action <> 'audit.retention.drop' ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static String partition(YearMonth month) {
        return "audit_event_%d_%02d".formatted(month.getYear(), month.getMonthValue());
    }

    private static String clinic() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String admin(String clinic) {
        return TestIssuer.token(Roles.CLINIC_ADMIN, clinic);
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
}

package io.spinewise.plan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.data.Retention;
import io.spinewise.plan.service.RetentionJob;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.dailyPlan;
import static io.spinewise.plan.Fixtures.enrol;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention job deletes exactly the check-offs and reminders older than their periods, leaves the adherence of
 * the days it keeps as it was, and says so in each clinic's audit log.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS) // to prescribe
class RetentionTest {

    @Inject
    RetentionJob job;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theJobDeletesWhatIsOlderThanThePeriodAndKeepsTheAdherenceOfTheRest() throws SQLException {
        String clinic = "ret-" + UUID.randomUUID().toString().substring(0, 8);
        String chiro = TestIssuer.token(Roles.CHIROPRACTOR, clinic);
        EnrolledPatient rae = enrol(chiro, clinic, "Rae", "UTC");
        String plan = dailyPlan(chiro, rae);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate cutoff = today.minusMonths(12);
        LocalDate start = cutoff.minusDays(40);
        sql("UPDATE plan_version SET start_date = ?, effective_from = ? WHERE plan_id = ?", start, start,
                UUID.fromString(plan));
        List<LocalDate> old = List.of(start, cutoff.minusDays(10), cutoff.minusDays(1));
        List<LocalDate> kept = List.of(cutoff, cutoff.plusDays(1), today.minusDays(30), today.minusDays(2));
        for (LocalDate day : concat(old, kept)) {
            sql("INSERT INTO session_checkoff (id, clinic_id, patient_id, plan_id, session_date, slot, items,"
                    + " pain_before, idempotency_key, request_hash) VALUES (?, ?, ?, ?, ?, 1, '[]'::jsonb, 4, ?, 'h')",
                    UUID.randomUUID(), clinic, UUID.fromString(rae.id()), UUID.fromString(plan), day,
                    UUID.randomUUID().toString());
        }
        reminder(clinic, rae, plan, cutoff.minusDays(3), "SENT");
        reminder(clinic, rae, plan, cutoff.minusDays(2), "PENDING");
        reminder(clinic, rae, plan, cutoff.plusDays(2), "SKIPPED");
        String window = "/api/patients/" + rae.id() + "/adherence?days=true&from=" + cutoff + "&to=" + today.minusDays(1);
        String adherenceBefore = as(chiro).get(window).then().statusCode(200).extract().asString();

        Map<Retention.Kind, Long> deleted = job.run(12, 12);

        assertThat(deleted).containsEntry(Retention.Kind.CHECK_OFFS, (long) old.size())
                .containsEntry(Retention.Kind.REMINDERS, 1L);
        assertThat(dates("SELECT session_date FROM session_checkoff WHERE patient_id = ? ORDER BY 1", rae))
                .containsExactlyElementsOf(kept.stream().map(LocalDate::toString).toList());
        assertThat(dates("SELECT status FROM reminder WHERE patient_id = ? ORDER BY due_at", rae))
                .containsExactly("PENDING", "SKIPPED");
        assertThat(as(chiro).get(window).then().statusCode(200).extract().asString())
                .as("the adherence of the kept days").isEqualTo(adherenceBefore);
        assertThat(dates("SELECT target FROM audit_event WHERE clinic_id = (SELECT clinic_id FROM patient WHERE id = ?)"
                + " AND action = 'retention.delete' ORDER BY id", rae))
                .containsExactly("3 check-offs dated before " + cutoff, "1 reminders dated before " + cutoff);
        assertThat(job.run(12, 12)).as("a second run").containsEntry(Retention.Kind.CHECK_OFFS, 0L);
        assertThat(job.run(0, 0)).as("0 keeps everything").containsEntry(Retention.Kind.CHECK_OFFS, 0L);
    }

    private void reminder(String clinic, EnrolledPatient patient, String plan, LocalDate due, String status)
            throws SQLException {
        sql("INSERT INTO reminder (id, clinic_id, patient_id, plan_id, session_date, slot, channel, due_at, status)"
                + " VALUES (?, ?, ?, ?, ?, 1, 'EMAIL', ?, ?)", UUID.randomUUID(), clinic,
                UUID.fromString(patient.id()), UUID.fromString(plan), due,
                Timestamp.from(due.atTime(8, 0).toInstant(ZoneOffset.UTC)), status);
    }

    private void sql(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private List<String> dates(String sql, EnrolledPatient patient) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(patient.id()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }

    private static List<LocalDate> concat(List<LocalDate> a, List<LocalDate> b) {
        List<LocalDate> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

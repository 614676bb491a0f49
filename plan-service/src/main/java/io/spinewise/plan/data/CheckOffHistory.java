package io.spinewise.plan.data;

import io.spinewise.plan.domain.AdherenceRule;
import io.spinewise.plan.domain.PainTrend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A patient's check-offs (not undone) as one patient's adherence reads them: counted per plan and day
 * (never the rows themselves), the pain ratings, the last session. {@code plan} null: all the patient's plans.
 */
@ApplicationScoped
public class CheckOffHistory {

    private static final String OF_PATIENT = """
            FROM session_checkoff c
            WHERE c.patient_id = :patient AND c.undone_at IS NULL
              AND (CAST(:plan AS uuid) IS NULL OR c.plan_id = CAST(:plan AS uuid))
            """;

    private static final NamedSql COUNTS = new NamedSql("SELECT c.plan_id, c.session_date, count(*) AS n "
            + OF_PATIENT + " AND c.session_date BETWEEN :from AND :to GROUP BY c.plan_id, c.session_date");

    private static final NamedSql RATINGS = new NamedSql("SELECT c.session_date, c.pain_before, c.pain_after "
            + OF_PATIENT + " AND c.session_date BETWEEN :from AND :to ORDER BY c.session_date, c.created_at, c.id");

    private static final NamedSql LAST = new NamedSql("SELECT max(c.session_date) AS last_session "
            + OF_PATIENT + " AND c.session_date <= :to");

    @Inject
    Database database;

    public List<AdherenceRule.CheckOffCount> counts(UUID patientId, UUID planId, LocalDate from, LocalDate to) {
        return database.list(COUNTS, window(patientId, planId, from, to), rs -> new AdherenceRule.CheckOffCount(
                rs.getObject("plan_id", UUID.class), rs.getObject("session_date", LocalDate.class), rs.getInt("n")));
    }

    /** In the order they were recorded. */
    public List<PainTrend.Rating> ratings(UUID patientId, UUID planId, LocalDate from, LocalDate to) {
        return database.list(RATINGS, window(patientId, planId, from, to), rs -> new PainTrend.Rating(
                rs.getObject("session_date", LocalDate.class), Database.integer(rs, "pain_before"),
                Database.integer(rs, "pain_after")));
    }

    /** The date of the last session up to {@code to}. */
    public Optional<LocalDate> lastSession(UUID patientId, UUID planId, LocalDate to) {
        List<LocalDate> last = database.list(LAST, SqlValues.of("patient", patientId).and("plan", planId)
                .and("to", to), rs -> rs.getObject("last_session", LocalDate.class));
        return Optional.ofNullable(last.get(0));
    }

    private static SqlValues window(UUID patientId, UUID planId, LocalDate from, LocalDate to) {
        return SqlValues.of("patient", patientId).and("plan", planId).and("from", from).and("to", to);
    }
}

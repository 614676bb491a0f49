package io.spinewise.plan.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the attention list needs beyond the dashboard's figures: which of a clinic's patients are being treated
 * (an active plan), and each one's pain against their own baseline:
 * <pre>
 *   ratings  = painBefore of the patient's check-offs (not undone), in the order they were done
 *   baseline = mean of the first 3 ratings ever
 *   recent   = mean of the last 3 ratings of the last 14 days that are not among the first 3
 *   rise     = recent − baseline (none without such recent ratings)
 * </pre>
 * painBefore is the day-to-day level (see {@code PainTrend}); the first three are how the patient came in.
 */
@ApplicationScoped
public class AttentionFigures {

    /** Recent ratings are those of the last this many days. */
    public static final int RECENT_DAYS = 14;

    static final NamedSql TREATED = new NamedSql("""
            SELECT DISTINCT pl.patient_id FROM plan pl
            WHERE pl.clinic_id = :clinic AND pl.status = 'ACTIVE'""");

    static final NamedSql PAIN = new NamedSql("""
            SELECT p.id, base.baseline, recent.recent, recent.latest_date
            FROM patient p
            LEFT JOIN LATERAL (
                SELECT round(avg(x.pain_before), 2) AS baseline, count(*) AS n FROM (
                    SELECT c.pain_before FROM session_checkoff c
                    WHERE c.patient_id = p.id AND c.undone_at IS NULL AND c.pain_before IS NOT NULL
                    ORDER BY c.session_date, c.created_at, c.id LIMIT 3) x) base ON true
            LEFT JOIN LATERAL (
                SELECT round(avg(y.pain_before), 2) AS recent, max(y.session_date) AS latest_date FROM (
                    SELECT c.pain_before, c.session_date FROM (
                        SELECT c.*, row_number() OVER (ORDER BY c.session_date, c.created_at, c.id) AS nth
                        FROM session_checkoff c
                        WHERE c.patient_id = p.id AND c.undone_at IS NULL AND c.pain_before IS NOT NULL) c
                    WHERE c.nth > 3
                      AND c.session_date > (CAST(:now AS timestamptz) AT TIME ZONE p.time_zone)::date - CAST(:recentDays AS int)
                    ORDER BY c.session_date DESC, c.created_at DESC, c.id DESC LIMIT 3) y) recent ON true
            WHERE p.id = ANY(:ids)""");

    @Inject
    Database database;

    /** A patient's pain against their baseline; {@code recent} null when there is nothing recent to compare. */
    public record Pain(UUID patientId, BigDecimal baseline, BigDecimal recent, LocalDate latestRating) {
    }

    /** The clinic's patients with at least one active plan. */
    public List<UUID> treated(String clinicId) {
        return database.list(TREATED, SqlValues.of("clinic", clinicId), rs -> rs.getObject(1, UUID.class));
    }

    public List<Pain> pain(List<UUID> patientIds, Instant now) {
        try (Connection c = database.connection()) {
            Array ids = c.createArrayOf("uuid", patientIds.toArray());
            return Database.list(c, PAIN, SqlValues.of("now", now).and("ids", ids).and("recentDays", RECENT_DAYS),
                    rs -> new Pain(rs.getObject("id", UUID.class), rs.getBigDecimal("baseline"),
                            rs.getBigDecimal("recent"), rs.getObject("latest_date", LocalDate.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("attention query failed", e);
        }
    }
}

package io.spinewise.plan.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Per patient and instrument: how many answers, the first score and the latest, the latest answer's date. */
    static final NamedSql OUTCOMES = new NamedSql("""
            SELECT r.patient_id, r.instrument, count(*) AS answers,
                   (array_agg(r.score ORDER BY r.due_date, r.answered_at))[1] AS baseline,
                   (array_agg(r.score ORDER BY r.due_date DESC, r.answered_at DESC))[1] AS latest,
                   max(r.answered_on) AS latest_on
            FROM assessment_response r
            WHERE r.patient_id = ANY(:ids)
            GROUP BY r.patient_id, r.instrument""");

    /**
     * The days with data (RtmDataDays' definition) of the patients in remote monitoring: those for whom a clinician
     * has logged treatment-management time.
     */
    static final NamedSql MONITORED_DAYS = new NamedSql("SELECT DISTINCT d.patient_id, d.day FROM ("
            + RtmDataDays.DATA_DAYS + """
            ) d WHERE d.patient_id = ANY(:ids)
              AND EXISTS (SELECT 1 FROM rtm_time_entry t WHERE t.patient_id = d.patient_id AND t.deleted_at IS NULL)
            ORDER BY d.patient_id, d.day""");

    @Inject
    Database database;

    /** One patient's scores on one instrument. */
    public record Outcome(UUID patientId, String instrument, int answers, BigDecimal baseline, BigDecimal latest,
                          LocalDate latestOn) {
    }

    public List<Outcome> outcomes(List<UUID> patientIds) {
        try (Connection c = database.connection()) {
            Array ids = c.createArrayOf("uuid", patientIds.toArray());
            return Database.list(c, OUTCOMES, SqlValues.of("ids", ids), rs -> new Outcome(
                    rs.getObject("patient_id", UUID.class), rs.getString("instrument"), rs.getInt("answers"),
                    rs.getBigDecimal("baseline"), rs.getBigDecimal("latest"), rs.getObject("latest_on", LocalDate.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("attention query failed", e);
        }
    }

    /** The days with data of those of the patients who are in remote monitoring, by patient, oldest first. */
    public Map<UUID, List<LocalDate>> monitoredDays(List<UUID> patientIds) {
        Map<UUID, List<LocalDate>> days = new HashMap<>();
        try (Connection c = database.connection()) {
            Array ids = c.createArrayOf("uuid", patientIds.toArray());
            Database.list(c, MONITORED_DAYS, SqlValues.of("ids", ids), rs -> days.computeIfAbsent(
                    rs.getObject("patient_id", UUID.class), k -> new ArrayList<>()).add(rs.getObject("day", LocalDate.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("attention query failed", e);
        }
        return days;
    }

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

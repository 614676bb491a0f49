package io.spinewise.plan.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The adherence rollup (migration V16, docs/architecture.md "Adherence rollup"): each patient's rows of
 * {@link AdherenceSql}'s {@code per_day}, kept in {@code adherence_day} for the days up to the patient's
 * {@code settled_through}, so readers take those days from the table and compute only the later ones. Each row
 * also carries the patient's running totals up to its day (V21: sessions scheduled and completed, the last missed
 * day, the completed days since it), so a reader takes a window's figures from two rows ({@link RunningTotals}).
 * The totals of a day depend only on the rows before it: the settling below, which rebuilds every day after
 * settled_through and continues the totals of the last row it keeps, keeps them exact under the rule that follows.
 *
 * <p><b>Why the kept rows stay exact.</b> A row (patient, day) depends only on the rows of plan,
 * plan_version, plan_pause and session_checkoff; the time zone and the time only choose which days a reader
 * asks for. The writes that can change a past day's figures are:
 * <ul>
 *   <li>a check-off, also offline ({@code performedAt}) or back-dated: its date, at most
 *       {@code lateLoggingDays} before the patient's today;</li>
 *   <li>an undo: only on the day the check-off was recorded, but the check-off's date may be back-dated as above;</li>
 *   <li>prescribing: the plan's start at most {@code lateLoggingDays} back (effective from the start);</li>
 *   <li>an edit (a new version effective from the patient's today, the previous one closed the day before),
 *       pausing (a pause from today), resuming (the open pause closed the day before today) and completing
 *       (the version closed the day before today): today onward;</li>
 *   <li>a time-zone change: no stored day moves, but "today" may then be up to a day earlier than before, so
 *       the writes above may reach one day further back than the old zone's today suggests;</li>
 *   <li>writes the service does not make (the launcher's demo load, tests, the bench, psql): any day.</li>
 * </ul>
 * None of this is trusted to hold: triggers on those four tables (V16) move {@code settled_through} back before
 * the first day each write may change, in the writing transaction, whoever writes. The service's own writes
 * stay after the settled days because the job keeps {@code lateLoggingDays + 2} days unsettled
 * ({@code AdherenceRollupJob.marginDays}); a write further back (only from outside the service, or at a smaller
 * margin) costs the reader a longer live part until the next settling (and the job a rebuild of the patient's
 * days from it), never a wrong figure.
 *
 * <p><b>Concurrency.</b> Settling locks the patients' rollup rows (FOR UPDATE, skipping rows a writer holds),
 * then reads in later statements: a write that locked the row first has committed by then and is seen; a
 * write that comes later waits for the lock in its trigger and then moves {@code settled_through} back from
 * the settled value. Two writes lock the row one after the other and each can only move it back.
 */
@ApplicationScoped
public class AdherenceRollup {

    /**
     * The CTEs {@code settled}, {@code unsettled}, the ones of {@link AdherenceSql#perDay} over the unsettled
     * days and {@code per_day (patient_id, day, scheduled, completed)}, to follow a CTE
     * {@code pts (id, first_day, last_day)}: the same rows as {@link AdherenceSql#perDay(String)}, the settled
     * days read from the rollup.
     */
    static String perDay() {
        return """
                settled AS (
                    SELECT pts.id, pts.first_day, pts.last_day, coalesce(r.settled_through, '-infinity') AS settled_through
                    FROM pts LEFT JOIN adherence_rollup r ON r.patient_id = pts.id
                ), unsettled AS (
                    SELECT s.id, greatest(s.first_day, s.settled_through + 1) AS first_day, s.last_day FROM settled s
                ),
                """ + AdherenceSql.perDay("unsettled", "live_day", """
                FROM session_checkoff c JOIN unsettled u ON u.id = c.patient_id
                WHERE c.session_date BETWEEN u.first_day AND u.last_day""") + """
                , per_day AS (
                    SELECT l.patient_id, l.day, l.scheduled, l.completed FROM live_day l
                    UNION ALL
                    SELECT d.patient_id, d.day, d.scheduled, d.completed
                    FROM settled s JOIN adherence_day d ON d.patient_id = s.id
                     AND d.day BETWEEN s.first_day AND least(s.last_day, s.settled_through)
                )""";
    }

    /**
     * Patients with days to settle, locked in order; a row a writer holds is left for the next run, and so is a
     * patient whose check-off insert is under way (it holds the patient's advisory lock shared, V20). The advisory
     * keys are tried only for the batch's rows, outside the limited subquery: as a condition beside the others, the
     * planner may try it on every patient behind before it sorts and limits, and after midnight every patient is
     * behind, so it took one lock per patient in one transaction until the lock table ran out ("out of shared
     * memory", found by the bench with 39,300 patients).
     */
    static final NamedSql LOCK = new NamedSql("""
            SELECT b.patient_id, b.target FROM (
                SELECT r.patient_id, CAST((CAST(:now AS timestamptz) AT TIME ZONE p.time_zone)::date
                                          - CAST(:margin AS int) AS text) AS target
                FROM adherence_rollup r JOIN patient p ON p.id = r.patient_id
                WHERE r.settled_through
                      < (CAST(:now AS timestamptz) AT TIME ZONE p.time_zone)::date - CAST(:margin AS int)
                ORDER BY r.patient_id LIMIT :batch
                FOR UPDATE OF r SKIP LOCKED) b
            WHERE pg_try_advisory_xact_lock(16, hashtext(CAST(b.patient_id AS text)))""");

    /** Rows after settled_through are stale (a write moved it back): they go before the days are built again. */
    static final NamedSql DROP_STALE = new NamedSql("""
            DELETE FROM adherence_day d USING adherence_rollup r
            WHERE r.patient_id = ANY(:ids) AND d.patient_id = r.patient_id AND d.day > r.settled_through""");

    /**
     * The days after settled_through, with the running totals (V21) continued from the patient's last kept row:
     * totals over every kept day up to each day, the last missed day and the fully completed days since it.
     */
    static final NamedSql BUILD = new NamedSql("""
            INSERT INTO adherence_day (patient_id, day, scheduled, completed, cum_scheduled, cum_completed, last_miss,
                                       streak)
            WITH pts AS (
                SELECT u.id, r.settled_through + 1 AS first_day, u.target AS last_day
                FROM unnest(CAST(:ids AS uuid[]), CAST(:targets AS date[])) AS u(id, target)
                JOIN adherence_rollup r ON r.patient_id = u.id
            ),
            """ + AdherenceSql.perDay("""
            FROM session_checkoff c JOIN pts ON pts.id = c.patient_id
            WHERE c.session_date BETWEEN pts.first_day AND pts.last_day""") + """
            , base AS (
                SELECT pts.id, coalesce(b.cum_scheduled, 0) AS cum_scheduled,
                       coalesce(b.cum_completed, 0) AS cum_completed, b.last_miss, coalesce(b.streak, 0) AS streak
                FROM pts LEFT JOIN LATERAL (
                    SELECT d.cum_scheduled, d.cum_completed, d.last_miss, d.streak FROM adherence_day d
                    WHERE d.patient_id = pts.id AND d.day < pts.first_day ORDER BY d.day DESC LIMIT 1) b ON true
            ), marked AS (
                SELECT d.*, d.completed < d.scheduled AS missed,
                       count(*) FILTER (WHERE d.completed < d.scheduled)
                           OVER (PARTITION BY d.patient_id ORDER BY d.day) AS misses
                FROM per_day d
            )
            SELECT m.patient_id, m.day, m.scheduled, m.completed,
                   b.cum_scheduled + sum(m.scheduled) OVER w, b.cum_completed + sum(m.completed) OVER w,
                   coalesce(max(m.day) FILTER (WHERE m.missed) OVER w, b.last_miss),
                   CASE WHEN m.misses = 0 THEN b.streak ELSE 0 END
                   + count(*) FILTER (WHERE NOT m.missed) OVER (PARTITION BY m.patient_id, m.misses ORDER BY m.day)
            FROM marked m JOIN base b ON b.id = m.patient_id
            WINDOW w AS (PARTITION BY m.patient_id ORDER BY m.day)
            ORDER BY m.patient_id, m.day"""); // a patient's days together in the table, a few pages per reader

    static final NamedSql MOVE = new NamedSql("""
            UPDATE adherence_rollup r SET settled_through = u.target
            FROM unnest(CAST(:ids AS uuid[]), CAST(:targets AS date[])) AS u(id, target)
            WHERE r.patient_id = u.id""");

    static final NamedSql SETTLED_THROUGH = new NamedSql(
            "SELECT CAST(settled_through AS text) AS t FROM adherence_rollup WHERE patient_id = :p");

    @Inject
    Database database;

    private record Target(UUID patientId, String day) {
    }

    /**
     * Settles, in one transaction, up to {@code batch} patients through their today at {@code now} minus
     * {@code marginDays} (negative: days ahead, which tests use to put writes on settled days). Returns how
     * many patients it settled: 0 when none is behind (or all behind are being written).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int settle(Instant now, int marginDays, int batch) {
        try (Connection c = database.connection()) {
            List<Target> targets = Database.list(c, LOCK,
                    SqlValues.of("now", now).and("margin", marginDays).and("batch", batch),
                    rs -> new Target(rs.getObject("patient_id", UUID.class), rs.getString("target")));
            if (targets.isEmpty()) {
                return 0;
            }
            Array ids = c.createArrayOf("uuid", targets.stream().map(Target::patientId).toArray());
            Array days = c.createArrayOf("text", targets.stream().map(Target::day).toArray());
            SqlValues values = SqlValues.of("ids", ids).and("targets", days);
            update(c, DROP_STALE, values);
            update(c, BUILD, values);
            update(c, MOVE, values);
            return targets.size();
        } catch (SQLException e) {
            throw new IllegalStateException("settling the adherence rollup failed", e);
        }
    }

    /** A patient's settled_through (tests, the bench's wait); empty for a patient without a rollup row. */
    public LocalDate settledThrough(UUID patientId) {
        return database.first(SETTLED_THROUGH, SqlValues.of("p", patientId), rs -> rs.getString("t"))
                .map(t -> t.equals("-infinity") ? LocalDate.MIN : LocalDate.parse(t)).orElse(null);
    }

    private static void update(Connection c, NamedSql sql, SqlValues values) throws SQLException {
        try (var s = sql.prepare(c, values)) {
            s.executeUpdate();
        }
    }
}

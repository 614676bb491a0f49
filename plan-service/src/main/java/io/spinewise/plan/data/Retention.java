package io.spinewise.plan.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statements of the retention job (docs/data-protection.md): one batch of the rows of a kind older than a date,
 * deleted and counted by clinic, under an advisory lock that lets one replica at a time do it.
 */
@ApplicationScoped
public class Retention {

    /** What the retention deletes, and what it is called in words. */
    public enum Kind {
        // a check-off by its session's date; the rollup's triggers recompute the days they leave
        CHECK_OFFS("check-offs", new NamedSql("""
                WITH gone AS (
                    DELETE FROM session_checkoff WHERE id IN (
                        SELECT id FROM session_checkoff WHERE session_date < :before LIMIT :batch)
                    RETURNING clinic_id)
                SELECT clinic_id, count(*) AS n FROM gone GROUP BY clinic_id""")),
        // a reminder by the day it was due; one still PENDING is the sender's, not the retention's
        REMINDERS("reminders", new NamedSql("""
                WITH gone AS (
                    DELETE FROM reminder WHERE id IN (
                        SELECT id FROM reminder WHERE due_at < CAST(:before AS date) AND status <> 'PENDING'
                        LIMIT :batch)
                    RETURNING clinic_id)
                SELECT clinic_id, count(*) AS n FROM gone GROUP BY clinic_id"""));

        private final String words;
        private final NamedSql delete;

        Kind(String words, NamedSql delete) {
            this.words = words;
            this.delete = delete;
        }

        public String words() {
            return words;
        }
    }

    private static final NamedSql LOCK = new NamedSql(
            "SELECT pg_try_advisory_xact_lock(hashtext('spinewise retention')) AS locked");

    @Inject
    Database database;

    /** Whether this transaction holds the retention's lock (another replica's run holds it otherwise). */
    public boolean tryLock() {
        return database.first(LOCK, SqlValues.none(), rs -> rs.getBoolean("locked")).orElse(false);
    }

    /** Deletes up to {@code batch} rows of the kind dated before {@code before}; how many, by clinic. */
    public Map<String, Long> deleteBatch(Kind kind, LocalDate before, int batch) {
        Map<String, Long> byClinic = new LinkedHashMap<>();
        database.list(kind.delete, SqlValues.of("before", before).and("batch", batch),
                rs -> byClinic.put(rs.getString("clinic_id"), rs.getLong("n")));
        return byClinic;
    }
}

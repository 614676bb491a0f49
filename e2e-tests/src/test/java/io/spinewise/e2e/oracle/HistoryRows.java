package io.spinewise.e2e.oracle;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Puts histories into the plan database under its real schema (the Flyway migrations of
 * plan-service), with COPY: check-offs of the past cannot be made through the API, which only
 * accepts a few days back. One transaction, so a failed load leaves nothing behind.
 */
public final class HistoryRows {

    private HistoryRows() {
    }

    /** Writes every history of one clinic; {@code prescriberName} is stored with each plan. */
    public static void write(Connection connection, String clinicId, String prescriberName, List<History> histories)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy(copy, "patient (id, clinic_id, subject, first_name, last_name, time_zone)", out -> {
                for (History h : histories) {
                    row(out, h.patientId(), clinicId, UUID.randomUUID(), h.firstName(), h.lastName(), h.zone().getId());
                }
            });
            copy(copy, "plan (id, clinic_id, patient_id, title, status, current_version, created_by, created_by_name,"
                    + " completed_on)", out -> {
                for (History h : histories) {
                    for (History.Plan p : h.plans()) {
                        row(out, p.id(), clinicId, h.patientId(), "Oracle plan " + History.shortId(p.id()), p.status(),
                                p.versions().size(), p.createdBy(), prescriberName, p.completedOn());
                    }
                }
            });
            copy(copy, "plan_version (plan_id, version, effective_from, effective_until, start_date, end_date,"
                    + " days_mask, sessions_per_day, items, created_by)", out -> {
                for (History h : histories) {
                    for (History.Plan p : h.plans()) {
                        int number = 1;
                        for (History.Version v : p.versions()) {
                            row(out, p.id(), number++, v.effectiveFrom(), v.effectiveUntil(), v.start(), v.end(),
                                    mask(v.days()), v.sessionsPerDay(), "[]", p.createdBy());
                        }
                    }
                }
            });
            copy(copy, "plan_pause (id, plan_id, paused_from, paused_until)", out -> {
                for (History h : histories) {
                    for (History.Plan p : h.plans()) {
                        for (History.Pause pause : p.pauses()) {
                            row(out, UUID.randomUUID(), p.id(), pause.from(), pause.until());
                        }
                    }
                }
            });
            copy(copy, "session_checkoff (id, clinic_id, patient_id, plan_id, session_date, slot, items,"
                    + " idempotency_key, request_hash, created_at, undone_at)", out -> {
                for (History h : histories) {
                    for (History.CheckOff c : h.checkOffs()) {
                        row(out, c.id(), clinicId, h.patientId(), c.planId(), c.date(), c.slot(), "[]",
                                UUID.randomUUID(), "oracle", c.createdAt(), c.undoneAt());
                    }
                }
            });
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The schema's weekday mask: bit (ISO day of week - 1), Monday = 1 ... Sunday = 64. */
    static int mask(Set<DayOfWeek> days) {
        int mask = 0;
        for (DayOfWeek d : days) {
            mask |= 1 << (d.getValue() - 1);
        }
        return mask;
    }

    private static void copy(CopyManager copy, String target, Consumer<StringBuilder> rows) throws SQLException {
        StringBuilder out = new StringBuilder();
        rows.accept(out);
        try {
            copy.copyIn("COPY " + target + " FROM STDIN WITH (FORMAT csv)", new StringReader(out.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY into " + target + " failed", e);
        }
    }

    /** One CSV line: null as an empty unquoted field (NULL to COPY), everything else quoted. */
    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (values[i] != null) {
                out.append('"').append(values[i].toString().replace("\"", "\"\"")).append('"');
            }
        }
        out.append('\n');
    }
}

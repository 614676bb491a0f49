package io.spinewise.plan.service;

import io.agroal.api.AgroalDataSource;
import io.spinewise.common.paging.Page;
import io.spinewise.common.paging.PageRequest;
import io.spinewise.plan.api.AuditEventView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The append-only audit log (table {@code audit_event}; a trigger refuses updates and
 * deletes). Written in its own autocommit statement, so that a refused or failed request is
 * recorded too.
 */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT = "INSERT INTO audit_event (clinic_id, actor, actor_name, actor_role,"
            + " patient_id, action, outcome, status, target) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The filter, shared by the page and the count. */
    private static final String WHERE = """
            WHERE a.clinic_id = :clinic
              AND (CAST(:patient AS uuid) IS NULL OR a.patient_id = CAST(:patient AS uuid))
              AND (CAST(:from AS timestamptz) IS NULL OR a.at >= CAST(:from AS timestamptz))
              AND (CAST(:to AS timestamptz) IS NULL OR a.at < CAST(:to AS timestamptz))
            """;

    /*
     * The patient's name is joined only within the record's clinic: another clinic's attempt on
     * a patient is logged in the attempting clinic, which must learn nothing about that patient.
     */
    private static final NamedSql QUERY = new NamedSql("""
            SELECT a.id, a.at, a.actor, a.actor_name, a.actor_role, a.patient_id,
                   nullif(trim(p.first_name || ' ' || p.last_name), '') AS patient_name,
                   a.action, a.outcome, a.status, a.target, count(*) OVER () AS total
            FROM audit_event a
            LEFT JOIN patient p ON p.id = a.patient_id AND p.clinic_id = a.clinic_id
            """ + WHERE + """
            ORDER BY a.at DESC, a.id DESC
            LIMIT :limit OFFSET :offset""");

    /** The total alone, for a page beyond the last, where the query above has no row to carry it. */
    private static final NamedSql COUNT = new NamedSql("SELECT count(*) FROM audit_event a\n" + WHERE);

    @Inject
    AgroalDataSource dataSource;

    /**
     * One record: who (subject, display name from the token, role) in which clinic did what to
     * whose data, and how it ended. {@code actorName} may be null (a token without a name).
     */
    public record Entry(String clinicId, String actor, String actorName, String actorRole, UUID patientId,
                        String action, String outcome, int status, String target) {
    }

    public void record(Entry e) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            c.setAutoCommit(true);
            s.setString(1, e.clinicId());
            s.setString(2, e.actor());
            s.setString(3, e.actorName());
            s.setString(4, e.actorRole());
            if (e.patientId() == null) {
                s.setNull(5, Types.OTHER);
            } else {
                s.setObject(5, e.patientId());
            }
            s.setString(6, e.action());
            s.setString(7, e.outcome());
            s.setInt(8, e.status());
            s.setString(9, e.target() == null ? null : e.target().substring(0, Math.min(300, e.target().length())));
            s.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("audit record could not be written", ex);
        }
    }

    /** A clinic's records, newest first; {@code from} inclusive, {@code to} exclusive. */
    public Page<AuditEventView> query(String clinicId, UUID patientId, Instant from, Instant to, PageRequest paging) {
        Map<String, Object> values = new HashMap<>();
        values.put("clinic", clinicId);
        values.put("patient", patientId);
        values.put("from", from == null ? null : Timestamp.from(from));
        values.put("to", to == null ? null : Timestamp.from(to));
        values.put("limit", paging.size());
        values.put("offset", paging.offset());
        List<AuditEventView> items = new ArrayList<>();
        long total = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = QUERY.prepare(c, values);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                items.add(new AuditEventView(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("actor_name"), rs.getString("actor_role"),
                        rs.getObject("patient_id", UUID.class), rs.getString("patient_name"), rs.getString("action"),
                        rs.getString("outcome"), rs.getInt("status"), rs.getString("target")));
                total = rs.getLong("total");
            }
            if (items.isEmpty() && paging.offset() > 0) {
                total = count(c, values);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit query failed", e);
        }
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    private static long count(Connection c, Map<String, Object> values) throws SQLException {
        try (PreparedStatement s = COUNT.prepare(c, values); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}

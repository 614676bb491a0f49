package io.spinewise.plan.service;

import io.agroal.api.AgroalDataSource;
import io.spinewise.common.paging.Page;
import io.spinewise.common.paging.PageRequest;
import io.spinewise.plan.api.AuditEventView;
import io.spinewise.plan.api.AuditVerificationView;
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
 * deletes, and the service's database role may only insert and read). Each clinic's records form
 * a hash chain, linked by an insert trigger (V5__audit_hash_chain.sql), which {@link #verify}
 * walks. Written in its own autocommit statement, so that a refused or failed request is
 * recorded too, or in the transaction of the change it records.
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

    /*
     * The clinic's chain in the order it was written (ids are taken under the chain's lock, see
     * V5__audit_hash_chain.sql): a record breaks it when its hash is not the hash of its fields
     * (audit_event_hash, the one definition the insert trigger uses too), or when its prev_hash is not
     * the hash of the record before it.
     */
    private static final String VERIFY = """
            WITH chain AS (
                SELECT a.id, a.at, a.hash, a.hash = audit_event_hash(a) AS unchanged,
                       a.prev_hash IS NOT DISTINCT FROM lag(a.hash) OVER (ORDER BY a.id) AS linked
                FROM audit_event a
                WHERE a.clinic_id = ?
            ), first_break AS (
                SELECT id, at, unchanged FROM chain WHERE NOT (unchanged AND linked) ORDER BY id LIMIT 1
            )
            SELECT (SELECT count(*) FROM chain) AS records, b.id AS broken_id, b.at AS broken_at, b.unchanged,
                   good.at AS good_at, good.hash AS good_hash
            FROM (SELECT 1) AS one
            LEFT JOIN first_break b ON true
            LEFT JOIN LATERAL (
                SELECT c.at, c.hash FROM chain c WHERE b.id IS NULL OR c.id < b.id ORDER BY c.id DESC LIMIT 1
            ) good ON true""";

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
        // autocommit (the pool's default) outside a transaction; inside one, the change's own connection
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
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

    /** Walks the clinic's hash chain and tells whether it is intact, or where it first breaks. */
    public AuditVerificationView verify(String clinicId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(VERIFY)) {
            s.setString(1, clinicId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                OffsetDateTime goodAt = rs.getObject("good_at", OffsetDateTime.class);
                long brokenId = rs.getLong("broken_id");
                AuditVerificationView.BrokenRecord broken = rs.wasNull() ? null
                        : new AuditVerificationView.BrokenRecord(brokenId,
                                rs.getObject("broken_at", OffsetDateTime.class).toInstant(),
                                rs.getBoolean("unchanged") ? AuditVerificationView.Problem.PREVIOUS_MISSING_OR_CHANGED
                                        : AuditVerificationView.Problem.CHANGED);
                return new AuditVerificationView(broken == null, rs.getLong("records"),
                        goodAt == null ? null : goodAt.toInstant(), rs.getString("good_hash"), broken);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit verification failed", e);
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

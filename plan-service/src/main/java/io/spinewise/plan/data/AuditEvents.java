package io.spinewise.plan.data;

import io.spinewise.plan.api.AuditEventView;
import io.spinewise.plan.api.AuditVerificationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The table {@code audit_event}: append-only (a trigger refuses updates and deletes, and the service's
 * database role may only insert and read), each clinic's records a hash chain linked by an insert
 * trigger (V5__audit_hash_chain.sql), partitioned by month (V17__audit_partitioning.sql).
 */
@ApplicationScoped
public class AuditEvents {

    private static final NamedSql INSERT = new NamedSql("""
            INSERT INTO audit_event (clinic_id, actor, actor_name, actor_role, patient_id, action, outcome, status,
                                     target)
            VALUES (:clinic, :actor, :actorName, :actorRole, CAST(:patient AS uuid), :action, :outcome, :status,
                    :target)""");

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
    private static final NamedSql PAGE = new NamedSql("""
            SELECT a.id, a.at, a.actor, a.actor_name, a.actor_role, a.patient_id,
                   nullif(trim(p.first_name || ' ' || p.last_name), '') AS patient_name,
                   a.action, a.outcome, a.status, a.target, count(*) OVER () AS total
            FROM audit_event a
            LEFT JOIN patient p ON p.id = a.patient_id AND p.clinic_id = a.clinic_id
            """ + WHERE + """
            ORDER BY a.at DESC, a.id DESC
            LIMIT :limit OFFSET :offset""");

    private static final NamedSql COUNT = new NamedSql("SELECT count(*) AS total FROM audit_event a\n" + WHERE);

    /*
     * The clinic's chain in the order it was written (ids are taken under the chain's lock, see
     * V5__audit_hash_chain.sql): a record breaks it when its hash is not the hash of its fields
     * (audit_event_hash, the one definition the insert trigger uses too), or when its prev_hash is not
     * the hash of the record before it. The first kept record follows the anchor the retention left
     * (audit_anchor, V17__audit_partitioning.sql): the hash of the clinic's last dropped record.
     */
    private static final NamedSql VERIFY = new NamedSql("""
            WITH anchor AS (
                SELECT last_hash, dropped_before FROM audit_anchor
                WHERE clinic_id = :clinic ORDER BY last_id DESC LIMIT 1
            ), chain AS (
                SELECT a.id, a.at, a.hash, a.hash = audit_event_hash(a) AS unchanged,
                       a.prev_hash IS NOT DISTINCT FROM coalesce(lag(a.hash) OVER (ORDER BY a.id),
                                                                 (SELECT last_hash FROM anchor)) AS linked
                FROM audit_event a
                WHERE a.clinic_id = :clinic
            ), first_break AS (
                SELECT id, at, unchanged FROM chain WHERE NOT (unchanged AND linked) ORDER BY id LIMIT 1
            )
            SELECT (SELECT count(*) FROM chain) AS records, b.id AS broken_id, b.at AS broken_at, b.unchanged,
                   good.at AS good_at, good.hash AS good_hash, start.id AS first_id, start.at AS first_at,
                   (SELECT dropped_before FROM anchor) AS dropped_before
            FROM (SELECT 1) AS one
            LEFT JOIN first_break b ON true
            LEFT JOIN LATERAL (
                SELECT c.at, c.hash FROM chain c WHERE b.id IS NULL OR c.id < b.id ORDER BY c.id DESC LIMIT 1
            ) good ON true
            LEFT JOIN LATERAL (SELECT c.id, c.at FROM chain c ORDER BY c.id LIMIT 1) start ON true""");

    @Inject
    Database database;

    /**
     * One record: who (subject, display name from the token, role) in which clinic did what to
     * whose data, and how it ended. {@code actorName} may be null (a token without a name).
     */
    public record Entry(String clinicId, String actor, String actorName, String actorRole, UUID patientId,
                        String action, String outcome, int status, String target) {
    }

    /** A page of records and the total of the filter (0 when the page is empty). */
    public record Found(List<AuditEventView> items, long total) {
    }

    /** In its own autocommit statement outside a transaction; inside one, on the change's own connection. */
    public void insert(Entry e) {
        database.update(INSERT, SqlValues.of("clinic", e.clinicId()).and("actor", e.actor())
                .and("actorName", e.actorName()).and("actorRole", e.actorRole()).and("patient", e.patientId())
                .and("action", e.action()).and("outcome", e.outcome()).and("status", e.status())
                .and("target", e.target()));
    }

    /** A clinic's records, newest first; {@code from} inclusive, {@code to} exclusive, both optional. */
    public Found page(String clinicId, UUID patientId, Instant from, Instant to, int limit, long offset) {
        List<Row> rows = database.list(PAGE, filter(clinicId, patientId, from, to).and("limit", limit)
                .and("offset", offset), rs -> new Row(view(rs), rs.getLong("total")));
        return new Found(rows.stream().map(Row::view).toList(), rows.isEmpty() ? 0 : rows.get(0).total());
    }

    /** The total alone, for a page beyond the last, where the page has no row to carry it. */
    public long count(String clinicId, UUID patientId, Instant from, Instant to) {
        return database.first(COUNT, filter(clinicId, patientId, from, to), rs -> rs.getLong("total")).orElse(0L);
    }

    /** Walks the clinic's hash chain and tells whether it is intact, or where it first breaks. */
    public AuditVerificationView verify(String clinicId) {
        return database.first(VERIFY, SqlValues.of("clinic", clinicId), AuditEvents::verification).orElseThrow();
    }

    private record Row(AuditEventView view, long total) {
    }

    private static SqlValues filter(String clinicId, UUID patientId, Instant from, Instant to) {
        return SqlValues.of("clinic", clinicId).and("patient", patientId).and("from", from).and("to", to);
    }

    private static AuditEventView view(ResultSet rs) throws SQLException {
        return new AuditEventView(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("actor_name"), rs.getString("actor_role"),
                rs.getObject("patient_id", UUID.class), rs.getString("patient_name"), rs.getString("action"),
                rs.getString("outcome"), rs.getInt("status"), rs.getString("target"));
    }

    private static AuditVerificationView verification(ResultSet rs) throws SQLException {
        OffsetDateTime goodAt = rs.getObject("good_at", OffsetDateTime.class);
        long brokenId = rs.getLong("broken_id");
        AuditVerificationView.BrokenRecord broken = rs.wasNull() ? null
                : new AuditVerificationView.BrokenRecord(brokenId,
                        rs.getObject("broken_at", OffsetDateTime.class).toInstant(),
                        rs.getBoolean("unchanged") ? AuditVerificationView.Problem.PREVIOUS_MISSING_OR_CHANGED
                                : AuditVerificationView.Problem.CHANGED);
        OffsetDateTime firstAt = rs.getObject("first_at", OffsetDateTime.class);
        long firstId = rs.getLong("first_id");
        Long first = rs.wasNull() ? null : firstId;
        OffsetDateTime droppedBefore = rs.getObject("dropped_before", OffsetDateTime.class);
        return new AuditVerificationView(broken == null, rs.getLong("records"),
                firstAt == null ? null : firstAt.toInstant(), first,
                droppedBefore == null ? null : droppedBefore.toInstant(),
                goodAt == null ? null : goodAt.toInstant(), rs.getString("good_hash"), broken);
    }
}

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
 * trigger (V5__audit_hash_chain.sql; since V23__audit_chain_per_patient_bucket.sql one chain per patient bucket of a
 * clinic), partitioned by month (V17__audit_partitioning.sql).
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
     * The clinic's chains (V23__audit_chain_per_patient_bucket.sql: one per patient bucket, audit_record_chain the
     * one definition of a record's chain), each in the order it was written (ids are taken under the chain's lock,
     * see V5__audit_hash_chain.sql): a record breaks its chain when its hash is not the hash of its fields
     * (audit_event_hash, the one definition the insert trigger uses too), or when its prev_hash is not the hash of
     * the record before it on its chain. A chain's first kept record follows the anchor the retention left for that
     * chain (audit_anchor, V17__audit_partitioning.sql): the hash of the chain's last dropped record. One row per
     * chain that holds records, in the order of chains.
     */
    private static final NamedSql VERIFY = new NamedSql("""
            WITH anchor AS (
                SELECT DISTINCT ON (chain) chain, last_hash, dropped_before FROM audit_anchor
                WHERE clinic_id = :clinic ORDER BY chain, last_id DESC
            ), record AS (
                SELECT a.id, a.at, a.hash, a.prev_hash, a.hash = audit_event_hash(a) AS unchanged,
                       audit_record_chain(a.id, a.patient_id, s.first_id) AS chain
                FROM audit_event a CROSS JOIN audit_chain_split s
                WHERE a.clinic_id = :clinic
            ), checked AS (
                SELECT r.chain, r.id, r.at, r.hash, r.unchanged,
                       r.prev_hash IS NOT DISTINCT FROM coalesce(lag(r.hash) OVER (PARTITION BY r.chain ORDER BY r.id),
                                                                 n.last_hash) AS linked
                FROM record r LEFT JOIN anchor n ON n.chain = r.chain
            ), chains AS (
                SELECT chain, count(*) AS records, min(id) AS first_id FROM checked GROUP BY chain
            ), first_break AS (
                SELECT DISTINCT ON (chain) chain, id, at, unchanged FROM checked WHERE NOT (unchanged AND linked)
                ORDER BY chain, id
            )
            SELECT ch.chain, ch.records, b.id AS broken_id, b.at AS broken_at, b.unchanged,
                   good.at AS good_at, good.hash AS good_hash, ch.first_id, start.at AS first_at, n.dropped_before
            FROM chains ch
            JOIN checked start ON start.chain = ch.chain AND start.id = ch.first_id
            LEFT JOIN first_break b ON b.chain = ch.chain
            LEFT JOIN anchor n ON n.chain = ch.chain
            LEFT JOIN LATERAL (
                SELECT c.at, c.hash FROM checked c WHERE c.chain = ch.chain AND (b.id IS NULL OR c.id < b.id)
                ORDER BY c.id DESC LIMIT 1
            ) good ON true
            ORDER BY ch.chain""");

    /* the latest drop of any of the clinic's chains (a chain whose records were all dropped has no row in VERIFY) */
    private static final NamedSql DROPPED_BEFORE = new NamedSql(
            "SELECT dropped_before FROM audit_anchor WHERE clinic_id = :clinic ORDER BY dropped_before DESC LIMIT 1");

    @Inject
    Database database;

    @Inject
    AuditCheckpoints checkpoints;

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

    /**
     * Walks each of the clinic's hash chains and tells whether they are intact, or where each first breaks; and
     * whether every checkpoint on chain 0 names the other chains' heads as the records before it give them.
     */
    public AuditVerificationView verify(String clinicId) {
        SqlValues clinic = SqlValues.of("clinic", clinicId);
        List<AuditVerificationView.Chain> chains = database.list(VERIFY, clinic, AuditEvents::chain);
        Instant droppedBefore = database.first(DROPPED_BEFORE, clinic, rs -> instant(rs, "dropped_before"))
                .orElse(null);
        AuditCheckpoints.Check checkpoints = this.checkpoints.check(clinicId);
        return AuditVerificationView.of(chains, droppedBefore, checkpoints.checked(), checkpoints.lastAt(),
                checkpoints.firstBrokenId() == null ? null : new AuditVerificationView.BrokenRecord(
                        checkpoints.firstBrokenId(), checkpoints.firstBrokenAt(),
                        AuditVerificationView.Problem.CHECKPOINT_HEADS_DIFFER));
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

    private static AuditVerificationView.Chain chain(ResultSet rs) throws SQLException {
        long brokenId = rs.getLong("broken_id");
        AuditVerificationView.BrokenRecord broken = rs.wasNull() ? null
                : new AuditVerificationView.BrokenRecord(brokenId, instant(rs, "broken_at"),
                        rs.getBoolean("unchanged") ? AuditVerificationView.Problem.PREVIOUS_MISSING_OR_CHANGED
                                : AuditVerificationView.Problem.CHANGED);
        return new AuditVerificationView.Chain(rs.getInt("chain"), broken == null, rs.getLong("records"),
                instant(rs, "first_at"), rs.getLong("first_id"), instant(rs, "dropped_before"), instant(rs, "good_at"),
                rs.getString("good_hash"), broken);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}

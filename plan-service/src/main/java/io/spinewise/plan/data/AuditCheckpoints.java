package io.spinewise.plan.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Chain 0's checkpoint records (V25__audit_chain_checkpoint.sql): each names the digest of the heads of the clinic's
 * chains 1-15 when it was written, so that chain 0's last hash covers every chain up to the latest checkpoint. Written
 * by the schema owner's functions (the runtime role cannot read the heads); checked here against the records.
 */
@ApplicationScoped
public class AuditCheckpoints {

    private static final NamedSql DUE = new NamedSql("SELECT audit_checkpoint_due() AS clinic");
    private static final NamedSql WRITE = new NamedSql("SELECT audit_checkpoint_write(:clinic) AS written");

    /*
     * Every record of the clinic and every record the retention dropped (its anchor, at the dropped record's id), in
     * the order of ids: walking it keeps each chain's head as it was when each checkpoint was written (a record's
     * id is taken under its chain's lock, and the checkpoint held all 16).
     */
    private static final NamedSql WALK = new NamedSql("""
            SELECT r.id, r.at, r.chain, r.hash, r.checkpoint, r.target FROM (
                SELECT a.id, a.at, audit_record_chain(a.id, a.patient_id, s.first_id) AS chain, a.hash,
                       a.action = 'audit.checkpoint' AND a.actor = 'spinewise' AS checkpoint, a.target
                FROM audit_event a CROSS JOIN audit_chain_split s
                WHERE a.clinic_id = :clinic
                UNION ALL
                SELECT n.last_id, n.last_at, n.chain, n.last_hash, false, NULL FROM audit_anchor n
                WHERE n.clinic_id = :clinic
            ) r
            ORDER BY r.id""");

    private static final int CHAINS = 16;

    @Inject
    Database database;

    /** What the walk found: how many checkpoints it checked, the last one's time, the first that did not check. */
    public record Check(long checked, Instant lastAt, Long firstBrokenId, Instant firstBrokenAt) {
    }

    /** The clinics whose chains 1-15 moved since their last checkpoint. */
    public List<String> due() {
        return database.list(DUE, SqlValues.none(), rs -> rs.getString("clinic"));
    }

    /** Writes the clinic's checkpoint if its chains moved since the last one (checked again under the chains' locks). */
    public boolean write(String clinicId) {
        return database.first(WRITE, SqlValues.of("clinic", clinicId), rs -> rs.getBoolean("written")).orElse(false);
    }

    /** Recomputes every checkpoint's digest from the records before it. */
    public Check check(String clinicId) {
        String[] heads = new String[CHAINS];
        long checked = 0;
        Instant lastAt = null;
        try (Connection c = database.connection()) {
            boolean autoCommit = c.getAutoCommit();
            // a cursor (the rows a thousand at a time, not the whole log in memory) needs a transaction
            c.setAutoCommit(false);
            try (PreparedStatement s = WALK.prepare(c, SqlValues.of("clinic", clinicId))) {
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        int chain = rs.getInt("chain");
                        if (rs.getBoolean("checkpoint") && chain == 0) {
                            Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
                            if (!target(heads).equals(rs.getString("target"))) {
                                return new Check(checked, lastAt, rs.getLong("id"), at);
                            }
                            checked++;
                            lastAt = at;
                        }
                        heads[chain] = rs.getString("hash");
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit checkpoint walk failed", e);
        }
        return new Check(checked, lastAt, null, null);
    }

    /** The target {@code audit_checkpoint_write} gives a checkpoint over these heads (chain 0's is not named). */
    static String target(String[] heads) {
        List<String> named = new ArrayList<>();
        for (int chain = 1; chain < CHAINS; chain++) {
            if (heads[chain] != null) {
                named.add(chain + ":" + heads[chain]);
            }
        }
        return "heads of chains 1-15: %s (%d chains)".formatted(sha256(String.join(";", named)), named.size());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

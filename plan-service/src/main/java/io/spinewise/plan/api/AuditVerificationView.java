package io.spinewise.plan.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What a walk along the clinic's audit hash chains found: the whole log first, then each chain. A clinic's log is
 * 16 chains, one per bucket of patients (V23__audit_chain_per_patient_bucket.sql; records without a patient, and all
 * those written before that migration, on chain 0), so that writes for different patients need not wait for each
 * other.
 *
 * @param intact       every record of every chain is as written and follows the one before it on its chain, and every
 *                     checkpoint names the other chains' heads as they were
 * @param records      how many records the clinic's chains hold
 * @param verifiedFrom  the time of the first record walked (the clinic's first, or its first kept one after the
 *                      retention dropped older ones); null when there is none
 * @param firstId       the id of that record; null when there is none
 * @param droppedBefore when the retention dropped the clinic's older records: the end of the last month
 *                      dropped. The first kept record's predecessor is then gone, and the chain is verified
 *                      from that record, its {@code prev_hash} checked against the hash of the last dropped
 *                      record noted at the drop. Null when nothing was dropped.
 * @param verifiedUpTo the time of the last record before the first break, on the chain of that break (of the
 *                     clinic's last record when intact); null when there is none
 * @param lastHash     the hash of that record; to show later that no chain's tail was rewritten, note chain 0's
 *                     {@code lastHash} ({@code chains}) after a checkpoint: it covers every chain up to
 *                     {@code checkpointedUpTo} (each chain's own {@code lastHash} covers that chain up to now); null
 *                     when there is none
 * @param firstBroken  the first record that does not check (the lowest id of the chains' first breaks), null when
 *                     intact
 * @param chains       each chain that holds records, in the order of chains
 * @param checkpoints  how many checkpoint records (chain 0's {@code audit.checkpoint}, written once an interval
 *                     when the other chains moved: V25__audit_chain_checkpoint.sql) were checked against the records
 *                     before them
 * @param checkpointedUpTo the time of the last checkpoint that checks; null when there is none
 * @param firstBrokenCheckpoint the first checkpoint whose digest of chains 1-15's heads is not that of the records
 *                     before it ({@code CHECKPOINT_HEADS_DIFFER}: a chain was changed, shortened or rewritten before
 *                     that checkpoint); null when every one checks
 */
public record AuditVerificationView(boolean intact, long records, @Schema(nullable = true) Instant verifiedFrom,
                                    @Schema(nullable = true) Long firstId,
                                    @Schema(nullable = true) Instant droppedBefore,
                                    @Schema(nullable = true) Instant verifiedUpTo,
                                    @Schema(nullable = true) String lastHash,
                                    @Schema(nullable = true) BrokenRecord firstBroken, List<Chain> chains,
                                    long checkpoints, @Schema(nullable = true) Instant checkpointedUpTo,
                                    @Schema(nullable = true) BrokenRecord firstBrokenCheckpoint) {

    /**
     * The whole log's summary of its chains and checkpoints; {@code droppedBefore} the latest drop of any of the
     * chains.
     */
    public static AuditVerificationView of(List<Chain> chains, Instant droppedBefore, long checkpoints,
                                           Instant checkpointedUpTo, BrokenRecord firstBrokenCheckpoint) {
        Chain first = chains.stream().min(Comparator.comparing(Chain::firstId)).orElse(null);
        Chain firstBreak = chains.stream().filter(c -> c.firstBroken() != null)
                .min(Comparator.comparing(c -> c.firstBroken().id())).orElse(null);
        Chain upTo = firstBreak != null ? firstBreak : chains.stream().filter(c -> c.verifiedUpTo() != null)
                .max(Comparator.comparing(Chain::verifiedUpTo)).orElse(null);
        return new AuditVerificationView(firstBreak == null && firstBrokenCheckpoint == null,
                chains.stream().mapToLong(Chain::records).sum(),
                first == null ? null : first.verifiedFrom(), first == null ? null : first.firstId(), droppedBefore,
                upTo == null ? null : upTo.verifiedUpTo(), upTo == null ? null : upTo.lastHash(),
                firstBreak == null ? null : firstBreak.firstBroken(), List.copyOf(chains), checkpoints,
                checkpointedUpTo, firstBrokenCheckpoint);
    }

    /**
     * One chain of the clinic, its fields as the whole log's.
     *
     * @param chain         0 to 15: the bucket of the records' patient, 0 also for records without one
     * @param droppedBefore when the retention last dropped records of this chain; null when it never did
     */
    public record Chain(int chain, boolean intact, long records, Instant verifiedFrom, long firstId,
                        @Schema(nullable = true) Instant droppedBefore,
                        @Schema(nullable = true) Instant verifiedUpTo,
                        @Schema(nullable = true) String lastHash,
                        @Schema(nullable = true) BrokenRecord firstBroken) {
    }

    /**
     * A record where the chain breaks.
     *
     * @param problem {@code CHANGED} when the record itself differs from what was written,
     *                {@code PREVIOUS_MISSING_OR_CHANGED} when the record before it was deleted or replaced,
     *                {@code CHECKPOINT_HEADS_DIFFER} when a checkpoint's named heads are not those of the records
     *                before it
     */
    public record BrokenRecord(long id, Instant at, Problem problem) {
    }

    /** Why a record does not check. */
    public enum Problem {
        CHANGED, PREVIOUS_MISSING_OR_CHANGED, CHECKPOINT_HEADS_DIFFER
    }
}

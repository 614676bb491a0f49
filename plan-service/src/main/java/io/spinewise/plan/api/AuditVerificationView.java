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
 * @param intact       every record of every chain is as written and follows the one before it on its chain
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
 * @param lastHash     the hash of that record; to show later that no chain's tail was rewritten, note each chain's
 *                     {@code lastHash} ({@code chains}); null when there is none
 * @param firstBroken  the first record that does not check (the lowest id of the chains' first breaks), null when
 *                     intact
 * @param chains       each chain that holds records, in the order of chains
 */
public record AuditVerificationView(boolean intact, long records, @Schema(nullable = true) Instant verifiedFrom,
                                    @Schema(nullable = true) Long firstId,
                                    @Schema(nullable = true) Instant droppedBefore,
                                    @Schema(nullable = true) Instant verifiedUpTo,
                                    @Schema(nullable = true) String lastHash,
                                    @Schema(nullable = true) BrokenRecord firstBroken, List<Chain> chains) {

    /** The whole log's summary of its chains; {@code droppedBefore} the latest drop of any of them. */
    public static AuditVerificationView of(List<Chain> chains, Instant droppedBefore) {
        Chain first = chains.stream().min(Comparator.comparing(Chain::firstId)).orElse(null);
        Chain firstBreak = chains.stream().filter(c -> c.firstBroken() != null)
                .min(Comparator.comparing(c -> c.firstBroken().id())).orElse(null);
        Chain upTo = firstBreak != null ? firstBreak : chains.stream().filter(c -> c.verifiedUpTo() != null)
                .max(Comparator.comparing(Chain::verifiedUpTo)).orElse(null);
        return new AuditVerificationView(firstBreak == null, chains.stream().mapToLong(Chain::records).sum(),
                first == null ? null : first.verifiedFrom(), first == null ? null : first.firstId(), droppedBefore,
                upTo == null ? null : upTo.verifiedUpTo(), upTo == null ? null : upTo.lastHash(),
                firstBreak == null ? null : firstBreak.firstBroken(), List.copyOf(chains));
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
     *                {@code PREVIOUS_MISSING_OR_CHANGED} when the record before it was deleted or replaced
     */
    public record BrokenRecord(long id, Instant at, Problem problem) {
    }

    /** Why a record does not check. */
    public enum Problem {
        CHANGED, PREVIOUS_MISSING_OR_CHANGED
    }
}

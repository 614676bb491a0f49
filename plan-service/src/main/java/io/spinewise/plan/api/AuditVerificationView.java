package io.spinewise.plan.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * What a walk along the clinic's audit hash chain found.
 *
 * @param intact       every record is as written and follows the one before it
 * @param records      how many records the clinic's chain holds
 * @param verifiedFrom  the time of the first record walked (the clinic's first, or its first kept one after the
 *                      retention dropped older ones); null when there is none
 * @param firstId       the id of that record; null when there is none
 * @param droppedBefore when the retention dropped the clinic's older records: the end of the last month
 *                      dropped. The first kept record's predecessor is then gone, and the chain is verified
 *                      from that record, its {@code prev_hash} checked against the hash of the last dropped
 *                      record noted at the drop. Null when nothing was dropped.
 * @param verifiedUpTo the time of the last record before the first break (of the last record when
 *                     intact); null when there is none
 * @param lastHash     the hash of that record: noted somewhere else, it shows later that the chain's
 *                     tail was not rewritten; null when there is none
 * @param firstBroken  the first record that does not check, null when intact
 */
public record AuditVerificationView(boolean intact, long records, @Schema(nullable = true) Instant verifiedFrom,
                                    @Schema(nullable = true) Long firstId,
                                    @Schema(nullable = true) Instant droppedBefore,
                                    @Schema(nullable = true) Instant verifiedUpTo,
                                    @Schema(nullable = true) String lastHash,
                                    @Schema(nullable = true) BrokenRecord firstBroken) {

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

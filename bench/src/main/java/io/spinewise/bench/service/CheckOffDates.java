package io.spinewise.bench.service;

/**
 * Which free (patient, day, slot) of the pool the k-th check-off of a run takes, dated like real ones: today,
 * except a share of late ones ({@code --late-checkoffs}, percent) dated 1..{@value ClinicData#POOL_DAYS} days back
 * (a patient logging yesterday's session). The late ones are spread evenly: check-off k is late when
 * {@code floor((k + 1) * share / 100) > floor(k * share / 100)}, so {@code floor(k * share / 100)} late ones come
 * before it. Today's check-offs fill every pool patient's first slot, then every second slot, and so on: a pool
 * of {@code patients} has {@code patients * SLOTS} of them a day. {@code checkoff.pgbench.sql} computes the same.
 */
record CheckOffDates(int patients, int lateShare) {

    /** A check-off's pool patient (0-based within its part of the pool), days before today and slot (1-based). */
    record Pick(int patient, int daysBack, int slot) {
    }

    CheckOffDates {
        if (lateShare < 0 || lateShare > 100) {
            throw new IllegalArgumentException("--late-checkoffs is a percentage, 0..100: " + lateShare);
        }
    }

    Pick pick(long k) {
        long lateBefore = k * lateShare / 100;
        if ((k + 1) * lateShare / 100 > lateBefore) {
            long round = lateBefore / patients;
            return new Pick((int) (lateBefore % patients), 1 + (int) (round / ClinicData.SLOTS % ClinicData.POOL_DAYS),
                    1 + (int) (round % ClinicData.SLOTS));
        }
        long today = k - lateBefore;
        return new Pick((int) (today % patients), 0, 1 + (int) (today / patients));
    }

    /** How many of the first {@code count} check-offs are dated today. */
    long todayOf(long count) {
        return count - count * lateShare / 100;
    }

    /** Check-offs dated today the pool has room for. */
    long todayCapacity() {
        return (long) patients * ClinicData.SLOTS;
    }

    /** Whether the first {@code count} check-offs all found a free pair (today's slots, the late days' cycle). */
    boolean fits(long count) {
        return todayOf(count) <= todayCapacity()
                && count * lateShare / 100 <= todayCapacity() * ClinicData.POOL_DAYS;
    }
}

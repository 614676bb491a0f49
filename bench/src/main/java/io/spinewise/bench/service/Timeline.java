package io.spinewise.bench.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An open loop's requests one by one: when each was meant to leave, when it left and when its answer was read, in
 * microseconds since the Unix epoch, so that a stall can be laid beside PostgreSQL's log, a JFR recording or a GC
 * log of the same minutes. The service's open loop ({@link FixedRateLoad}) and pgbench at the same rate
 * ({@link PgbenchCeiling#runAtRate}) both write one.
 */
final class Timeline {

    private long[] scheduled = new long[4096];
    private long[] sent = new long[4096];
    private long[] answered = new long[4096];
    private int size;

    void add(long scheduledMicros, long sentMicros, long answeredMicros) {
        if (size == scheduled.length) {
            scheduled = Arrays.copyOf(scheduled, size * 2);
            sent = Arrays.copyOf(sent, size * 2);
            answered = Arrays.copyOf(answered, size * 2);
        }
        scheduled[size] = scheduledMicros;
        sent[size] = sentMicros;
        answered[size] = answeredMicros;
        size++;
    }

    /** Several workers' timelines as one, in the order the requests were meant to leave. */
    static Timeline merge(List<Timeline> parts) {
        List<long[]> rows = new ArrayList<>();
        for (Timeline part : parts) {
            for (int i = 0; i < part.size; i++) {
                rows.add(new long[] {part.scheduled[i], part.sent[i], part.answered[i]});
            }
        }
        rows.sort((a, b) -> Long.compare(a[0], b[0]));
        Timeline merged = new Timeline();
        rows.forEach(r -> merged.add(r[0], r[1], r[2]));
        return merged;
    }

    int size() {
        return size;
    }

    long scheduled(int i) {
        return scheduled[i];
    }

    long sent(int i) {
        return sent[i];
    }

    long answered(int i) {
        return answered[i];
    }

    /** Latency as the open loop counts it: from the scheduled time to the answer. */
    long latency(int i) {
        return answered[i] - scheduled[i];
    }

    /** One line per request: scheduled, sent, answered (µs since the epoch), for a look by hand. */
    void write(Path file) {
        StringBuilder text = new StringBuilder("# scheduled_us sent_us answered_us (since the Unix epoch)\n");
        for (int i = 0; i < size; i++) {
            text.append(scheduled[i]).append(' ').append(sent[i]).append(' ').append(answered[i]).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

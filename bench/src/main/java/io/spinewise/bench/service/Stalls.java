package io.spinewise.bench.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where an open loop's slow requests came from: requests slower than a threshold (counted from their scheduled
 * time) whose spans overlap are one stall; each stall is printed with its wall-clock time, how many requests it
 * held, how late the last ones left (the sending threads all busy) and what else happened on the machine in those
 * milliseconds ({@link Event}s: PostgreSQL's log lines, its backends' wait events, the load generator's own
 * collections). Figures for a person to read, not a verdict.
 */
final class Stalls {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    /** Events this long before a stall began are printed with it (a cause precedes its queue). */
    private static final long LEAD_MICROS = 30_000;

    /** Something with a time that may explain a stall; {@code micros} since the Unix epoch. */
    record Event(long micros, String source, String what) {
    }

    /** Slow requests whose spans overlap. */
    record Stall(long from, long to, int requests, long worstMicros, long latestSendMicros) {
        long lengthMicros() {
            return to - from;
        }
    }

    private Stalls() {
    }

    /** The stalls of {@code timeline}: requests slower than {@code thresholdMicros}, merged where they overlap. */
    static List<Stall> find(Timeline timeline, long thresholdMicros) {
        List<Stall> stalls = new ArrayList<>();
        long from = 0;
        long to = 0;
        int requests = 0;
        long worst = 0;
        long latestSend = 0;
        for (int i = 0; i < timeline.size(); i++) {
            long latency = timeline.latency(i);
            if (latency <= thresholdMicros) {
                continue;
            }
            long start = timeline.scheduled(i);
            long end = timeline.answered(i);
            if (requests > 0 && start > to) {
                stalls.add(new Stall(from, to, requests, worst, latestSend));
                requests = 0;
            }
            if (requests == 0) {
                from = start;
                to = end;
                worst = 0;
                latestSend = 0;
            }
            to = Math.max(to, end);
            requests++;
            worst = Math.max(worst, latency);
            latestSend = Math.max(latestSend, timeline.sent(i) - start);
        }
        if (requests > 0) {
            stalls.add(new Stall(from, to, requests, worst, latestSend));
        }
        return stalls;
    }

    /**
     * Prints a summary of {@code timeline}'s stalls and the {@code top} longest, each with the {@code events} that
     * fell into it (or just before it), and a count of the events per kind inside stalls and outside them.
     */
    static void print(String label, Timeline timeline, long thresholdMicros, List<Event> events, int top) {
        List<Stall> stalls = find(timeline, thresholdMicros);
        if (timeline.size() == 0) {
            return;
        }
        long first = timeline.scheduled(0);
        long last = timeline.answered(timeline.size() - 1);
        long stalled = stalls.stream().mapToLong(Stall::lengthMicros).sum();
        int slow = stalls.stream().mapToInt(Stall::requests).sum();
        Report.line("");
        Report.line("%s: %d requests, %d slower than %.0f ms in %d stalls covering %.0f ms of the %.1f s (%s–%s UTC)%s;"
                        + " the load generator's collections meanwhile: %s", label, timeline.size(), slow,
                thresholdMicros / 1e3, stalls.size(), stalled / 1e3, (last - first) / 1e6, CLOCK.format(instant(first)),
                CLOCK.format(instant(last)), spacing(stalls), StallEvents.collections(events));
        if (stalls.isEmpty()) {
            return;
        }
        Report.line("");
        Report.line("| stall from (UTC) | ms | slow requests | worst ms | latest send ms | events from %.0f ms before |",
                LEAD_MICROS / 1e3);
        Report.line("|---|---:|---:|---:|---:|---|");
        stalls.stream().sorted(Comparator.comparingLong(Stall::lengthMicros).reversed()).limit(top)
                .sorted(Comparator.comparingLong(Stall::from))
                .forEach(s -> Report.line("| %s | %.0f | %d | %.1f | %.1f | %s |", CLOCK.format(instant(s.from())),
                        s.lengthMicros() / 1e3, s.requests(), s.worstMicros() / 1e3, s.latestSendMicros() / 1e3,
                        summarise(within(events, s.from() - LEAD_MICROS, s.to()))));
        inAndOut(stalls, events, first, last, stalled);
    }

    /** Each kind of event: how many fell inside the stalls and how many outside, per second of each. */
    private static void inAndOut(List<Stall> stalls, List<Event> events, long first, long last, long stalled) {
        Map<String, long[]> counts = new TreeMap<>();
        for (Event e : events) {
            if (e.micros() < first || e.micros() > last) {
                continue;
            }
            boolean inside = stalls.stream().anyMatch(s -> e.micros() >= s.from() - LEAD_MICROS && e.micros() <= s.to());
            counts.computeIfAbsent(e.source() + ": " + e.what(), k -> new long[2])[inside ? 0 : 1]++;
        }
        if (counts.isEmpty()) {
            return;
        }
        double in = Math.max(stalled, 1) / 1e6;
        double out = Math.max(last - first - stalled, 1) / 1e6;
        Report.line("");
        Report.line("| event in the window | in stalls | per s in stalls | outside | per s outside |");
        Report.line("|---|---:|---:|---:|---:|");
        counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1],
                        a.getValue()[0] + a.getValue()[1])).limit(15)
                .forEach(e -> Report.line("| %s | %d | %.1f | %d | %.1f |", e.getKey(), e.getValue()[0],
                        e.getValue()[0] / in, e.getValue()[1], e.getValue()[1] / out));
    }

    private static List<Event> within(List<Event> events, long from, long to) {
        return events.stream().filter(e -> e.micros() >= from && e.micros() <= to).toList();
    }

    /** The events as "source: what ×n", most frequent first. */
    private static String summarise(List<Event> events) {
        if (events.isEmpty()) {
            return "–";
        }
        Map<String, Long> counts = events.stream().collect(Collectors.groupingBy(e -> e.source() + ": " + e.what(),
                TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .map(e -> e.getKey() + (e.getValue() > 1 ? " ×" + e.getValue() : ""))
                .collect(Collectors.joining("; "));
    }

    /** The median time between stalls' starts: a period points at a timer (a job, a checkpoint, a flush). */
    private static String spacing(List<Stall> stalls) {
        if (stalls.size() < 3) {
            return "";
        }
        long[] gaps = new long[stalls.size() - 1];
        for (int i = 1; i < stalls.size(); i++) {
            gaps[i - 1] = stalls.get(i).from() - stalls.get(i - 1).from();
        }
        Arrays.sort(gaps);
        return String.format("; median gap between stalls %.0f ms", gaps[gaps.length / 2] / 1e3);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
    }
}

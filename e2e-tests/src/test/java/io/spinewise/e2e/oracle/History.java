package io.spinewise.e2e.oracle;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One patient's history as the oracle knows it: the rows it puts into the plan database, in
 * plain records of its own (nothing here comes from plan-service). All dates are the patient's
 * local dates.
 */
public record History(int number, UUID patientId, String firstName, String lastName, ZoneId zone, List<Plan> plans,
                      List<CheckOff> checkOffs) {

    /**
     * A prescription: its versions in the order they were made, the pauses, its status and who
     * prescribed it.
     */
    public record Plan(UUID id, String status, LocalDate completedOn, String createdBy, List<Version> versions,
                       List<Pause> pauses) {

        /** The version in force on a day (its effective window holds the day), or null. */
        public Version inForce(LocalDate day) {
            Version found = null;
            for (Version v : versions) {
                if (!day.isBefore(v.effectiveFrom()) && (v.effectiveUntil() == null || !day.isAfter(v.effectiveUntil()))) {
                    if (found != null) {
                        throw new IllegalStateException("two versions of plan " + id + " in force on " + day);
                    }
                    found = v;
                }
            }
            return found;
        }

        public boolean pausedOn(LocalDate day) {
            return pauses.stream().anyMatch(p -> !day.isBefore(p.from()) && (p.until() == null || !day.isAfter(p.until())));
        }
    }

    /**
     * What one version prescribed (start/end, weekdays, sessions a day) and the days it was in
     * force; {@code effectiveUntil} null while it is the current one. A window with until before
     * from is empty (two edits on one day).
     */
    public record Version(LocalDate effectiveFrom, LocalDate effectiveUntil, LocalDate start, LocalDate end,
                          Set<DayOfWeek> days, int sessionsPerDay) {
    }

    /** Days on hold, both inclusive; until null = still paused; until = from - 1 = resumed the same day. */
    public record Pause(LocalDate from, LocalDate until) {
    }

    /** A check-off row: the day it is for, its slot, when it was recorded and, if undone, when. */
    public record CheckOff(UUID id, UUID planId, LocalDate date, int slot, Instant createdAt, Instant undoneAt) {

        public boolean live() {
            return undoneAt == null;
        }
    }

    public String name() {
        return firstName + " " + lastName;
    }

    /** Live (not undone) check-offs per plan and day. */
    public Map<UUID, Map<LocalDate, Integer>> liveCounts() {
        Map<UUID, Map<LocalDate, Integer>> counts = new HashMap<>();
        for (CheckOff c : checkOffs) {
            if (c.live()) {
                counts.computeIfAbsent(c.planId(), k -> new HashMap<>()).merge(c.date(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The history in words, for a mismatch report: plans, versions, pauses, check-offs by day. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("patient #").append(number).append(' ').append(patientId).append(" \"").append(name())
                .append("\" in ").append(zone).append('\n');
        for (Plan p : plans) {
            out.append("  plan ").append(shortId(p.id())).append(' ').append(p.status())
                    .append(p.completedOn() == null ? "" : " on " + p.completedOn()).append('\n');
            int n = 1;
            for (Version v : p.versions()) {
                out.append("    v").append(n++).append(" in force ").append(v.effectiveFrom()).append("..")
                        .append(open(v.effectiveUntil())).append(", start ").append(v.start()).append(" end ")
                        .append(open(v.end())).append(", ").append(days(v.days())).append(", ")
                        .append(v.sessionsPerDay()).append("/day\n");
            }
            for (Pause pause : p.pauses()) {
                out.append("    paused ").append(pause.from()).append("..").append(open(pause.until())).append('\n');
            }
        }
        Map<LocalDate, List<CheckOff>> byDay = new TreeMap<>(checkOffs.stream()
                .collect(Collectors.groupingBy(CheckOff::date)));
        out.append("  check-offs (plan:slot, * = logged late, ~ = undone):\n");
        byDay.forEach((day, list) -> out.append("    ").append(day).append(' ').append(day.getDayOfWeek()
                        .getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).append(": ")
                .append(list.stream().map(c -> shortId(c.planId()) + ":" + c.slot()
                        + (c.createdAt().atZone(zone).toLocalDate().isAfter(day) ? "*" : "")
                        + (c.live() ? "" : "~")).collect(Collectors.joining(" ")))
                .append('\n'));
        return out.toString();
    }

    static String shortId(UUID id) {
        return id.toString().substring(0, 8);
    }

    private static String open(LocalDate date) {
        return date == null ? "open" : date.toString();
    }

    private static String days(Set<DayOfWeek> days) {
        return days.stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .collect(Collectors.joining("/"));
    }
}

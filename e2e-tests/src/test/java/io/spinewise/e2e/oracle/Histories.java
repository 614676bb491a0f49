package io.spinewise.e2e.oracle;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Random patient histories of the shape plan-service produces, from one seed: plans prescribed
 * up to 7 days back or starting later, edits that change weekdays, sessions a day and the
 * start/end (a new version in force from the day of the edit, the previous one closed the day
 * before, two edits on one day leave an empty version), pauses and resumes (a resume on the
 * day of the pause leaves an empty pause, a pause may stay open), completion (closes the
 * version and any pause), and check-offs: sessions done in any order (non-contiguous slots),
 * extra sessions above the day's number, sessions on rest or paused days, late logging (up to
 * 7 days after the day), undone check-offs (some done again), and now and then one dated after
 * the patient's today (a patient who moved west). Zones across the date line and with
 * daylight-saving changes; histories up to 240 days, so most span a change.
 */
public final class Histories {

    static final List<String> ZONES = List.of("Pacific/Kiritimati", "Pacific/Pago_Pago", "Pacific/Auckland",
            "Pacific/Chatham", "Pacific/Apia", "Pacific/Honolulu", "Australia/Sydney", "Australia/Lord_Howe",
            "Europe/Berlin", "Europe/London", "Europe/Lisbon", "Europe/Helsinki", "America/New_York",
            "America/Los_Angeles", "America/St_Johns", "America/Santiago", "America/Sao_Paulo", "Asia/Kolkata",
            "Asia/Kathmandu", "UTC");

    /** The last five are names a spreadsheet would run as a formula, which the CSV must turn into text. */
    private static final String[] FIRST = {"Ada", "Ben", "Chloé", "Dev", "Émile", "Farah", "Gus", "Hana", "Ivo",
        "Jo", "Kai", "Lena", "Mō", "Nia", "Otto", "Priya", "=Quinn", "+Rae", "-Sol", "@Tia", "\tUma"};
    /** Names that need quoting in CSV and escaping in HTML. */
    private static final String[] LAST = {"Keller", "O'Neill", "Smith, Jr.", "Ng \"Tiny\"", "Müller", "<b>Bold</b>",
        "Åberg", "Tanaka", "Dupont-Roux", "Ōta"};
    private static final double[] DILIGENCE = {1.0, 1.0, 0.95, 0.8, 0.6, 0.3, 0.0};
    private static final int[] SESSIONS = {1, 1, 1, 2, 2, 3, 4, 6};
    private static final int LATE_LOGGING_DAYS = 7;

    private final Random random;
    private final Instant now;
    private final String prescriber;
    private final String otherPrescriber;

    /**
     * @param prescriber      the user id most plans are created by (the clinic's chiropractor)
     * @param otherPrescriber the user id of the other plans
     */
    public Histories(long seed, Instant now, String prescriber, String otherPrescriber) {
        this.random = new Random(seed);
        this.now = now;
        this.prescriber = prescriber;
        this.otherPrescriber = otherPrescriber;
    }

    public History next(int number) {
        ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
        LocalDate today = now.atZone(zone).toLocalDate();
        int length = random.nextInt(10) == 0 ? random.nextInt(4) : 20 + random.nextInt(221);
        double diligence = DILIGENCE[random.nextInt(DILIGENCE.length)];
        int planCount = random.nextInt(25) == 0 ? 0 : random.nextInt(20) < 11 ? 1 : random.nextInt(3) < 2 ? 2 : 3;
        UUID patientId = UUID.randomUUID();
        List<History.Plan> plans = new ArrayList<>();
        List<History.CheckOff> checkOffs = new ArrayList<>();
        for (int i = 0; i < planCount; i++) {
            LocalDate created = today.minusDays(random.nextInt(length + 1));
            History.Plan plan = plan(created, today);
            plans.add(plan);
            checkOffs.addAll(checkOffs(plan, created, today, zone, diligence));
        }
        if (!plans.isEmpty() && random.nextInt(100) == 0) {
            // recorded in the zone the patient lived in before: a day after today in the new one
            checkOffs.add(new History.CheckOff(UUID.randomUUID(), plans.get(0).id(), today.plusDays(1), 1,
                    now.minus(Duration.ofHours(1)), null));
        }
        return new History(number, patientId, FIRST[random.nextInt(FIRST.length)], LAST[random.nextInt(LAST.length)],
                zone, plans, checkOffs);
    }

    private History.Plan plan(LocalDate created, LocalDate today) {
        UUID id = UUID.randomUUID();
        LocalDate start = created.plusDays(random.nextInt(18) - LATE_LOGGING_DAYS);
        List<History.Version> versions = new ArrayList<>();
        versions.add(new History.Version(start.isBefore(created) ? start : created, null, start, end(random, start),
                weekdays(random), SESSIONS[random.nextInt(SESSIONS.length)]));
        List<History.Pause> pauses = new ArrayList<>();
        String status = "ACTIVE";
        LocalDate completedOn = null;
        for (LocalDate day = created; !day.isAfter(today) && completedOn == null; day = day.plusDays(1)) {
            Random r = daily();
            int events = r.nextInt(100) < 5 ? (r.nextInt(5) == 0 ? 2 : 1) : 0;
            for (int e = 0; e < events && completedOn == null; e++) {
                int pick = r.nextInt(100);
                if (pick < 3) {
                    completedOn = day;
                    closeOpenPause(pauses, day);
                    closeCurrent(versions, day);
                    status = "COMPLETED";
                } else if (pick < 50) {
                    edit(r, versions, day);
                } else if (status.equals("ACTIVE")) {
                    pauses.add(new History.Pause(day, null));
                    status = "PAUSED";
                } else {
                    closeOpenPause(pauses, day);
                    status = "ACTIVE";
                }
            }
        }
        return new History.Plan(id, status, completedOn, random.nextInt(5) == 0 ? otherPrescriber : prescriber,
                List.copyOf(versions), List.copyOf(pauses));
    }

    /** An edit on {@code day}: a new version from that day, the current one closed the day before. */
    private static void edit(Random r, List<History.Version> versions, LocalDate day) {
        History.Version current = closeCurrent(versions, day);
        Set<DayOfWeek> days = r.nextBoolean() ? weekdays(r) : current.days();
        int sessions = r.nextBoolean() ? SESSIONS[r.nextInt(SESSIONS.length)] : current.sessionsPerDay();
        LocalDate start = current.start();
        LocalDate end = current.end();
        if (r.nextInt(10) < 3) {
            start = day.plusDays(r.nextInt(15) - 7);
            end = end(r, start);
        }
        versions.add(new History.Version(day, null, start, end, days, sessions));
    }

    private static History.Version closeCurrent(List<History.Version> versions, LocalDate day) {
        History.Version current = versions.remove(versions.size() - 1);
        versions.add(new History.Version(current.effectiveFrom(), day.minusDays(1), current.start(), current.end(),
                current.days(), current.sessionsPerDay()));
        return current;
    }

    private static void closeOpenPause(List<History.Pause> pauses, LocalDate day) {
        for (int i = 0; i < pauses.size(); i++) {
            if (pauses.get(i).until() == null) {
                pauses.set(i, new History.Pause(pauses.get(i).from(), day.minusDays(1)));
            }
        }
    }

    private static LocalDate end(Random r, LocalDate start) {
        return r.nextInt(10) < 3 ? start.plusDays(r.nextInt(150)) : null;
    }

    private static Set<DayOfWeek> weekdays(Random r) {
        if (r.nextInt(100) < 35) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (r.nextBoolean()) {
                days.add(d);
            }
        }
        if (days.isEmpty()) {
            days.add(DayOfWeek.of(1 + r.nextInt(7)));
        }
        return days;
    }

    /**
     * A generator for one day's choices, drawn from the seed once per day: whatever a day draws
     * (it depends on its weekday), the following days and patients draw the same, so one seed
     * gives the same histories, relative to the run's today, on any day of the week.
     */
    private Random daily() {
        return new Random(random.nextLong());
    }

    private List<History.CheckOff> checkOffs(History.Plan plan, LocalDate created, LocalDate today, ZoneId zone,
                                             double diligence) {
        List<History.CheckOff> list = new ArrayList<>();
        for (LocalDate day = created.minusDays(LATE_LOGGING_DAYS); !day.isAfter(today); day = day.plusDays(1)) {
            Random r = daily();
            int asked = AdherenceDefinition.asked(plan, day);
            List<Integer> slots = new ArrayList<>();
            for (int slot = 1; slot <= asked; slot++) {
                if (r.nextDouble() < diligence) {
                    slots.add(slot);
                }
            }
            if (asked > 0 && r.nextInt(25) == 0 || asked == 0 && r.nextInt(30) == 0) {
                slots.add(Math.min(12, asked + 1 + r.nextInt(2)));
            }
            for (int slot : slots) {
                Instant at = recorded(r, day, today, zone);
                if (r.nextInt(20) == 0) {
                    // checked off, undone the same day, and checked off again
                    list.add(new History.CheckOff(UUID.randomUUID(), plan.id(), day, slot, at.minusSeconds(60),
                            at.minusSeconds(30)));
                }
                boolean undone = r.nextInt(30) == 0;
                list.add(new History.CheckOff(UUID.randomUUID(), plan.id(), day, slot, at,
                        undone ? at.plusSeconds(20).isAfter(now) ? now : at.plusSeconds(20) : null));
            }
        }
        return list;
    }

    /** When a session of {@code day} was recorded: mostly that day, sometimes up to 7 days later. */
    private Instant recorded(Random r, LocalDate day, LocalDate today, ZoneId zone) {
        int late = r.nextInt(4) == 0 ? 1 + r.nextInt(LATE_LOGGING_DAYS) : 0;
        LocalDate on = day.plusDays(late);
        if (on.isAfter(today)) {
            on = today;
        }
        Instant at = on.atStartOfDay(zone).toInstant().plusSeconds(r.nextInt(86_400));
        return at.isAfter(now) ? now.minusSeconds(1 + r.nextInt(600)) : at;
    }
}

package io.spinewise.web.client.model;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The patient's day: each active plan's sessions due today and which are checked off. */
public record Today(LocalDate date, String timeZone, List<PlanToday> plans) {

    public record PlanToday(UUID planId, String title, boolean scheduledToday, int sessionsPerDay,
                            List<Session> sessions, List<PlanItem> items) {

        public List<Session> sessionsOrEmpty() {
            return sessions == null ? List.of() : sessions;
        }

        public List<PlanItem> itemsOrEmpty() {
            return items == null ? List.of() : items;
        }
    }

    /** A slot of the day; {@code checkOffId} is set once it was checked off. */
    public record Session(int slot, UUID checkOffId, boolean done) {
    }

    public List<PlanToday> plansOrEmpty() {
        return plans == null ? List.of() : plans;
    }
}

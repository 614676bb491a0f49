package io.spinewise.web.client.model;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One patient on the clinic dashboard. flags: LOW_ADHERENCE, PAIN, INACTIVE. */
public record DashboardRow(UUID patientId, String name, Window last7Days, Window last30Days, int streak,
                           boolean streakAtLeast, LocalDate lastSession, Integer latestPain, Double painChange,
                           List<String> flags) {

    public record Window(long scheduled, long completed, Double percentage) {
    }

    public List<String> flagsOrEmpty() {
        return flags == null ? List.of() : flags;
    }
}

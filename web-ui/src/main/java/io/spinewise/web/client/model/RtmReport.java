package io.spinewise.web.client.model;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The clinic's RTM month (GET /api/reports/rtm): a row per patient and period overlapping the month. */
public record RtmReport(String month, List<Row> rows, String periodRule, String timeRule, String notice) {

    /** One patient and period; the period fields are null on a row of a patient with time but no period. */
    public record Row(UUID patientId, String patientName, String month, int minutesLogged, int interactiveEntries,
                      int qualifyingMinutes, String timeCodes, LocalDate periodStart, LocalDate periodEnd,
                      Integer daysWithData, String deviceSupplyCode, String setUpCode) {
    }
}

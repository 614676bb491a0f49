package io.spinewise.plan.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The clinic's Remote Therapeutic Monitoring counts for one calendar month (docs/rtm.md): a row per patient and
 * monitoring period overlapping the month (the month's time repeated on each), or one row without a period for a
 * patient with time logged but no period in the month.
 */
public record RtmReportView(@Schema(description = "The calendar month, e.g. 2026-11") String month, List<Row> rows, String periodRule, String timeRule, String notice) {

    /** The CSV's header, the columns of {@link Row} in order. */
    public static final String CSV_HEADER = "patient_id,patient_name,month,minutes_logged,interactive_entries,"
            + "qualifying_minutes,time_codes,period_start,period_end,days_with_data,device_supply_code,set_up_code";

    @Schema(name = "RtmReportRow")
    public record Row(UUID patientId, String patientName, String month, int minutesLogged, int interactiveEntries,
                      int qualifyingMinutes,
                      @Schema(description = "The codes the month's qualifying minutes reach, e.g. \"98980 98981x2\";"
                              + " empty: none") String timeCodes,
                      @Schema(nullable = true) LocalDate periodStart, @Schema(nullable = true) LocalDate periodEnd,
                      @Schema(nullable = true) Integer daysWithData,
                      @Schema(nullable = true) String deviceSupplyCode, @Schema(nullable = true) String setUpCode) {
    }
}

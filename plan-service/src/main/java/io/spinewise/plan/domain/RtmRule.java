package io.spinewise.plan.domain;

import io.spinewise.plan.config.RtmConfig;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Remote Therapeutic Monitoring counts of docs/rtm.md, once, without a database: monitoring periods from a
 * patient's days with data, and treatment-management minutes per calendar month. Counts, never a billing
 * decision: the codes are what a figure reaches under the configured thresholds ({@link RtmConfig}).
 *
 * <pre>
 *   period 1  = [first day with data, + periodDays - 1]
 *   period k  = [first day with data after period k-1 ends, + periodDays - 1]   (no period without data)
 *   days with data(period) = distinct days in it with data
 *   device supply          = deviceSupplyCode if days ≥ deviceSupplyDays,
 *                            else shortDeviceSupplyCode if days ≥ shortDeviceSupplyDays, else none
 *   set-up                 = the first period, and every period that starts newEpisodeAfterDays or more
 *                            days after the previous one ended (a new episode)
 *   month                  = a calendar month of the entries' dates
 *   qualifying minutes     = all logged minutes of the month if one entry of it was interactive, else 0
 *   time codes             = firstCode + additionalCode × ⌊(q - firstMinutes) / additionalMinutes⌋ if q ≥ firstMinutes,
 *                            else shortCode if q ≥ shortMinutes, else none
 * </pre>
 */
public final class RtmRule {

    /** Said with every answer that carries these counts. */
    public static final String CLINIC_DECIDES = "Spinewise counts; the clinic decides what to bill.";

    private final RtmConfig config;

    public RtmRule(RtmConfig config) {
        this.config = config;
    }

    /** One day of treatment-management time (the rule's input; not part of the API). */
    public record TimeEntry(LocalDate date, int minutes, boolean interactive) {
    }

    /** A code a figure reaches, and how many times (98981 may be reached more than once a month). */
    @Schema(name = "RtmCodeCount")
    public record CodeCount(String code, int units) {
    }

    /**
     * One monitoring period.
     *
     * @param stillReachable whether the full device-supply threshold is reached or can still be, with data on every
     *                       remaining day of the period from today
     */
    @Schema(name = "RtmPeriod")
    public record Period(LocalDate start, LocalDate end, int daysWithData, boolean setUp,
                         @Schema(nullable = true, description = "The device-supply code the days reach; null: none")
                         String deviceSupplyCode,
                         @Schema(nullable = true, description = "The set-up code when this period opens an episode")
                         String setUpCode,
                         boolean ongoing, boolean stillReachable) {
    }

    /** One calendar month of logged time. */
    @Schema(name = "RtmMonth")
    public record Month(@Schema(description = "The calendar month, e.g. 2026-11") String month, int minutesLogged, int interactiveEntries, int qualifyingMinutes,
                        List<CodeCount> codes) {
    }

    /**
     * The periods of a patient's days with data (any order, duplicates allowed), oldest first; {@code today} is
     * the patient's today (it tells an ongoing period and what may still be reached).
     */
    public List<Period> periods(List<LocalDate> daysWithData, LocalDate today) {
        List<LocalDate> days = daysWithData.stream().distinct().sorted().toList();
        List<Period> periods = new ArrayList<>();
        LocalDate previousEnd = null;
        int i = 0;
        while (i < days.size()) {
            LocalDate start = days.get(i);
            LocalDate end = start.plusDays(config.periodDays() - 1L);
            int count = 0;
            while (i < days.size() && !days.get(i).isAfter(end)) {
                count++;
                i++;
            }
            boolean setUp = previousEnd == null
                    || ChronoUnit.DAYS.between(previousEnd, start) - 1 >= config.newEpisodeAfterDays();
            boolean ongoing = !end.isBefore(today);
            periods.add(new Period(start, end, count, setUp, deviceSupply(count), setUp ? config.setUpCode() : null,
                    ongoing, count + (ongoing ? openDays(days, today, end) : 0) >= config.deviceSupplyDays()));
            previousEnd = end;
        }
        return periods;
    }

    /** The calendar months of the entries, oldest first. */
    public List<Month> months(List<TimeEntry> entries) {
        Map<YearMonth, List<TimeEntry>> byMonth = new TreeMap<>();
        entries.forEach(e -> byMonth.computeIfAbsent(YearMonth.from(e.date()), m -> new ArrayList<>()).add(e));
        return byMonth.entrySet().stream().map(m -> month(m.getKey(), m.getValue())).toList();
    }

    /** One calendar month's totals from its entries (none: all zero). */
    public Month month(YearMonth month, List<TimeEntry> entries) {
        int logged = entries.stream().mapToInt(TimeEntry::minutes).sum();
        int interactive = (int) entries.stream().filter(TimeEntry::interactive).count();
        int qualifying = interactive > 0 ? logged : 0;
        return new Month(month.toString(), logged, interactive, qualifying, timeCodes(qualifying));
    }

    /** The rule of the periods in words, with the configured figures, for the page beside them. */
    public String periodRule() {
        return "A monitoring period is " + config.periodDays() + " days from the first day with data (a check-off or a"
                + " questionnaire answer, in the patient's time zone); the next starts on the first day with data after it ends. Per period: "
                + config.deviceSupplyDays() + " or more days with data reach " + config.deviceSupplyCode() + ", "
                + config.shortDeviceSupplyDays() + " to " + (config.deviceSupplyDays() - 1) + " reach "
                + config.shortDeviceSupplyCode() + "; " + config.setUpCode() + " (set-up) is shown on the first"
                + " period of an episode, and a period starting " + config.newEpisodeAfterDays() + " or more days after"
                + " the previous one ended opens a new episode.";
    }

    /** The rule of the month totals in words, with the configured figures. */
    public String timeRule() {
        return "Per calendar month, logged minutes qualify only if at least one entry of the month included an"
                + " interactive communication with the patient; then all of the month's minutes count. "
                + config.firstMinutes() + " qualifying minutes reach " + config.firstCode() + ", each further "
                + config.additionalMinutes() + " reach " + config.additionalCode() + "; " + config.shortMinutes()
                + " to " + (config.firstMinutes() - 1) + " reach " + config.shortCode() + " instead.";
    }

    private String deviceSupply(int days) {
        if (days >= config.deviceSupplyDays()) {
            return config.deviceSupplyCode();
        }
        return days >= config.shortDeviceSupplyDays() ? config.shortDeviceSupplyCode() : null;
    }

    private List<CodeCount> timeCodes(int qualifying) {
        if (qualifying >= config.firstMinutes()) {
            int additional = (qualifying - config.firstMinutes()) / config.additionalMinutes();
            return additional == 0 ? List.of(new CodeCount(config.firstCode(), 1))
                    : List.of(new CodeCount(config.firstCode(), 1), new CodeCount(config.additionalCode(), additional));
        }
        return qualifying >= config.shortMinutes() ? List.of(new CodeCount(config.shortCode(), 1)) : List.of();
    }

    /** Days from today to the period's end that have no data yet (today included unless it has data). */
    private static int openDays(List<LocalDate> days, LocalDate today, LocalDate end) {
        long remaining = ChronoUnit.DAYS.between(today, end) + 1;
        return (int) (days.contains(today) ? remaining - 1 : remaining);
    }
}

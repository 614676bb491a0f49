package io.spinewise.plan.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How pain moved over a window, from the check-offs' pain ratings (0-10):
 * <pre>
 *   latest  = painAfter, else painBefore, of the most recent check-off that reports either
 *   n       = check-offs in the window that report painBefore; k = min(3, n / 2)
 *   early   = mean painBefore of the first k of them
 *   recent  = mean painBefore of the last k of them (never overlapping the first k)
 *   change  = recent − early (negative = better); none with fewer than 2 reports
 * </pre>
 * painBefore is the day-to-day level (how the back feels coming into a session); painAfter
 * says what a session did.
 */
public record PainTrend(@Schema(nullable = true) Integer latest, @Schema(nullable = true) Double early,
                        @Schema(nullable = true) Double recent, @Schema(nullable = true) Double change, int reports,
                        List<Week> weeks) {

    static final int SAMPLE = 3;

    /** One check-off's ratings, in date order. */
    public record Rating(LocalDate date, Integer before, Integer after) {
    }

    /** Weekly means (weeks start on Monday), for charts and the PDF. */
    public record Week(LocalDate weekStart, @Schema(nullable = true) Double before,
                       @Schema(nullable = true) Double after) {
    }

    public static PainTrend of(List<Rating> ratings) {
        Integer latest = null;
        List<Integer> befores = new ArrayList<>();
        Map<LocalDate, double[]> weekly = new TreeMap<>();
        for (Rating r : ratings) {
            if (r.after() != null || r.before() != null) {
                latest = r.after() != null ? r.after() : r.before();
            }
            if (r.before() != null) {
                befores.add(r.before());
            }
            LocalDate week = r.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            double[] sums = weekly.computeIfAbsent(week, k -> new double[4]);
            if (r.before() != null) {
                sums[0] += r.before();
                sums[1]++;
            }
            if (r.after() != null) {
                sums[2] += r.after();
                sums[3]++;
            }
        }
        int k = Math.min(SAMPLE, befores.size() / 2);
        Double early = k == 0 ? null : mean(befores.subList(0, k));
        Double recent = k == 0 ? null : mean(befores.subList(befores.size() - k, befores.size()));
        Double change = k == 0 ? null : round(recent - early);
        List<Week> weeks = new ArrayList<>();
        weekly.forEach((week, s) -> weeks.add(new Week(week, s[1] == 0 ? null : round(s[0] / s[1]),
                s[3] == 0 ? null : round(s[2] / s[3]))));
        return new PainTrend(latest, early, recent, change, befores.size(), weeks);
    }

    private static Double mean(List<Integer> values) {
        double sum = 0;
        for (int v : values) {
            sum += v;
        }
        return round(sum / values.size());
    }

    static Double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}

package io.spinewise.plan.domain;

import io.spinewise.plan.api.ClinicSettingsView;
import io.spinewise.plan.outcomes.Definition;
import io.spinewise.plan.outcomes.OutcomeChange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of the "needs attention" list, on one patient's figures and the clinic's thresholds:
 * <ul>
 *   <li>PAIN_UP: recent pain before sessions minus the patient's own baseline (AttentionFigures) is at least
 *       the clinic's pain rise;</li>
 *   <li>INACTIVE: sessions were scheduled in the last {@code inactiveDays} days and none was checked off (the
 *       dashboard's INACTIVE flag);</li>
 *   <li>LOW_ADHERENCE: adherence over the last 30 days is under the clinic's threshold (the dashboard's flag);</li>
 *   <li>OUTCOME_WORSE: a questionnaire's latest score is worse than the first by at least its MCID
 *       ({@link OutcomeChange}'s rule);</li>
 *   <li>MONITORING_AT_RISK: for a patient in remote monitoring, the ongoing period can no longer reach the
 *       device-supply threshold ({@link RtmRule}).</li>
 * </ul>
 * Each open reason carries its evidence: what new data would change it (the latest rating's date, the last
 * session's date, the day), so an acknowledgement lapses when that data arrives.
 */
public final class AttentionRules {

    private AttentionRules() {
    }

    /** A patient's figures as the rules read them. */
    public record Figures(LocalDate today, LocalDate lastSession, long scheduledInInactiveSpan, long scheduled30,
                          long completed30, BigDecimal painBaseline, BigDecimal painRecent, LocalDate latestRating) {
    }

    /** An open reason: its code, its sentence and the evidence it rests on. */
    public record Open(AttentionReason code, String text, String evidence) {
    }

    public static List<Open> open(Figures f, ClinicSettingsView t) {
        List<Open> open = new ArrayList<>();
        if (f.painBaseline() != null && f.painRecent() != null) {
            BigDecimal rise = f.painRecent().subtract(f.painBaseline());
            if (rise.compareTo(BigDecimal.valueOf(t.painRise())) >= 0) {
                open.add(new Open(AttentionReason.PAIN_UP, String.format(Locale.ROOT,
                        "Pain up %s points against their baseline (%s at the start, %s lately; clinic's rise: %d)",
                        plain(rise), plain(f.painBaseline()), plain(f.painRecent()), t.painRise()),
                        "rating " + f.latestRating()));
            }
        }
        boolean idle = f.lastSession() == null || !f.lastSession().isAfter(f.today().minusDays(t.inactiveDays()));
        if (f.scheduledInInactiveSpan() > 0 && idle) {
            String since = f.lastSession() == null ? "No session yet"
                    : "No session for " + ChronoUnit.DAYS.between(f.lastSession(), f.today()) + " days";
            open.add(new Open(AttentionReason.INACTIVE, since + " (clinic's limit: " + t.inactiveDays() + " days)",
                    "last session " + f.lastSession()));
        }
        Double pct = AdherenceRule.percentage(f.completed30(), f.scheduled30());
        if (pct != null && pct < t.lowAdherencePercent()) {
            open.add(new Open(AttentionReason.LOW_ADHERENCE, String.format(Locale.ROOT,
                    "Adherence %s%% over 30 days: %d of %d sessions (clinic's threshold: %d%%)", plain(pct),
                    f.completed30(), f.scheduled30(), t.lowAdherencePercent()), "adherence"));
        }
        return open;
    }

    /** OUTCOME_WORSE when the latest score is worse than the first by at least the instrument's MCID. */
    public static Optional<Open> outcome(Definition instrument, BigDecimal baseline, BigDecimal latest, int answers,
                                         LocalDate latestOn) {
        if (OutcomeChange.verdict(instrument, baseline, latest, answers) != OutcomeChange.Verdict.WORSE) {
            return Optional.empty();
        }
        return Optional.of(new Open(AttentionReason.OUTCOME_WORSE, String.format(Locale.ROOT,
                "%s worse by at least its minimal clinically important difference (%s): %s at the start, %s lately",
                instrument.title(), plain(instrument.mcid()), plain(baseline), plain(latest)),
                instrument.code() + " " + latestOn));
    }

    /** MONITORING_AT_RISK when the ongoing monitoring period can no longer reach the device-supply threshold. */
    public static Optional<Open> monitoring(RtmRule.Period current, int thresholdDays, String code) {
        if (current == null || !current.ongoing() || current.stillReachable()) {
            return Optional.empty();
        }
        return Optional.of(new Open(AttentionReason.MONITORING_AT_RISK, String.format(Locale.ROOT,
                "Monitoring period %s to %s: %d days with data, %d (%s) can no longer be reached",
                current.start(), current.end(), current.daysWithData(), thresholdDays, code),
                "period " + current.start()));
    }

    /** The list's rules in words with the clinic's thresholds (as the attention page says them). */
    public static String rule(ClinicSettingsView t, int recentDays, int acknowledgedDays, int deviceSupplyDays) {
        return String.format(Locale.ROOT, "Needs attention when: pain up (the mean of the last three pain-before"
                + " ratings of the last %d days, not counting the first three, minus the mean of the first three ratings"
                + " ever) by %d points or more; no session for %d days while sessions were scheduled; adherence over 30"
                + " days (completed ÷ scheduled sessions) under %d%%; a questionnaire's latest score worse than the first"
                + " by at least its minimal clinically important difference; for a patient with remote-monitoring time"
                + " logged, the running monitoring period can no longer reach %d days with data. Only patients with an"
                + " active plan are listed. An acknowledged reason stays off the list for %d days, or until new data for"
                + " it arrives. The thresholds are the clinic's settings.", recentDays, t.painRise(),
                t.inactiveDays(), t.lowAdherencePercent(), deviceSupplyDays, acknowledgedDays);
    }

    /** Days since the last session, for ranking; a patient who never did one counts as the longest. */
    public static long idleDays(Figures f) {
        return f.lastSession() == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(f.lastSession(), f.today());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String plain(double value) {
        return plain(BigDecimal.valueOf(value));
    }
}

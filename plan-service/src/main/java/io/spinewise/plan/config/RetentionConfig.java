package io.spinewise.plan.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.ArrayList;
import java.util.List;

/**
 * How long plan-service keeps check-offs and reminders ({@code spinewise.retention.*}); docs/data-protection.md.
 * The clinic decides the periods; 0, the default, keeps everything. The audit log has its own
 * ({@link AuditConfig#retentionMonths()}).
 */
@ConfigMapping(prefix = "spinewise.retention")
public interface RetentionConfig {

    /** The shortest period that is not refused: less would cut into the year's reports and billing months. */
    int MIN_MONTHS = 12;
    /** The longest: a hundred years is "keep everything", which 0 says more plainly. */
    int MAX_MONTHS = 1200;

    /**
     * Months a check-off is kept after its session's date (with its pain, difficulty and note); older ones are
     * deleted by the daily job. 0 keeps them forever.
     */
    @WithDefault("0")
    int checkoffMonths();

    /** Months a planned, sent, skipped or failed reminder is kept after it was due. 0 keeps them forever. */
    @WithDefault("0")
    int reminderMonths();

    /** Whether this replica runs the daily retention job (safe on every replica: they take turns). */
    @WithDefault("true")
    boolean jobs();

    /** What is wrong with the periods, in words naming the setting; empty when they may be used. */
    static List<String> refusals(int checkoffMonths, int reminderMonths) {
        List<String> refusals = new ArrayList<>();
        check("spinewise.retention.checkoff-months", checkoffMonths, refusals);
        check("spinewise.retention.reminder-months", reminderMonths, refusals);
        return refusals;
    }

    private static void check(String key, int months, List<String> refusals) {
        if (months != 0 && (months < MIN_MONTHS || months > MAX_MONTHS)) {
            refusals.add(key + "=" + months + " is refused: 0 keeps everything, otherwise from " + MIN_MONTHS
                    + " to " + MAX_MONTHS + " months (docs/data-protection.md)");
        }
    }
}

package io.spinewise.web.client.model;

/**
 * The clinic's dashboard thresholds (GET and PUT /api/clinic/settings): a patient is flagged
 * below {@code lowAdherencePercent} over 30 days, at or above {@code painThreshold}, or after
 * {@code inactiveDays} without a check-off; needs attention when recent pain is {@code painRise} above the
 * patient's own baseline.
 */
public record ClinicSettings(Integer lowAdherencePercent, Integer painThreshold, Integer inactiveDays,
                             Integer painRise) {
}

package io.spinewise.plan.service;

import io.spinewise.plan.api.AttentionRow;
import io.spinewise.plan.domain.AttentionReason;

import java.util.List;

/**
 * One patient as the "needs attention" list sees them (for the patient PDF): whether they are on it at all (an
 * active plan), the reasons open now, and the list's rule in words.
 *
 * @param treated whether the patient has an active plan (only they are listed)
 */
public record PatientAttention(boolean treated, List<Standing> reasons, String rule) {

    /** An open reason; {@code acknowledged} null when no clinician has taken it in hand on the same evidence. */
    public record Standing(AttentionReason code, String text, AttentionRow.Acknowledged acknowledged) {
    }
}

package io.spinewise.web.client.model;

import java.util.List;

/**
 * An outcome questionnaire of plan-service's library (GET /api/instruments), as the caller's clinic sees it:
 * {@code assignable} false when neither Spinewise ships its texts nor the clinic entered its licensed text
 * ({@code notAssignableReason} says why, {@code licenceTerms} on what terms); {@code items} worded with the
 * shipped or the clinic's text, texts null when there is none.
 */
public record Instrument(String code, String title, boolean assignable, String notAssignableReason,
                         TextSource textSource, String licenceTerms, double mcid, String scoringRule,
                         List<DueAssessment.Item> items) {

    public List<DueAssessment.Item> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }

    /** Whether the caller's clinic entered its licensed text. */
    public boolean entered() {
        return textSource == TextSource.CLINIC;
    }

    /** Whether a clinic can enter (or has entered) its licensed text: the library does not ship one. */
    public boolean licensed() {
        return textSource != TextSource.SHIPPED;
    }
}

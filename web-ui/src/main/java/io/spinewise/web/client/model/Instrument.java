package io.spinewise.web.client.model;


/**
 * An outcome questionnaire of plan-service's library (GET /api/instruments), as the assign form needs it:
 * {@code assignable} false when its licence does not let Spinewise ship the texts ({@code licenceTerms} says why).
 */
public record Instrument(String code, String title, boolean assignable, String licenceTerms, double mcid,
                         String scoringRule) {
}

package io.spinewise.plan.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The licensed text a clinic entered for an instrument, and who entered it when. */
@Schema(description = "A clinic's licensed text of an instrument and its licence attestation.")
public record InstrumentTextView(
        @Schema(description = "The instrument's code") String instrument,
        @Schema(description = "The instrument's title as the licence gives it") String title,
        @Schema(nullable = true, description = "What the patient is asked to do") String instructions,
        @Schema(description = "One per item of the definition, in its order") List<InstrumentTextRequest.ItemText> items,
        @Schema(description = "Who holds the licence") String licenceHolder,
        @Schema(description = "The licence's reference or number") String licenceReference,
        @Schema(nullable = true, description = "The last day the licence is valid") LocalDate validUntil,
        @Schema(description = "Who entered it (user id)") String enteredBy,
        @Schema(nullable = true, description = "Their name at the time") String enteredByName,
        @Schema(description = "When it was entered or last replaced") Instant enteredAt) {
}

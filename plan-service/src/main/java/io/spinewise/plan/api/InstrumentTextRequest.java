package io.spinewise.plan.api;

import io.spinewise.plan.outcomes.ClinicText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The wording of a licence-required instrument that the clinic licensed, with its attestation of the licence. */
@Schema(description = "A clinic's licensed text of a licence-required instrument: one entry per item of the"
        + " library's definition, in its order, each with one label per answer value (lowest first); plain text.")
public record InstrumentTextRequest(
        @NotNull @Size(max = ClinicText.TITLE_MAX)
        @Schema(maxLength = ClinicText.TITLE_MAX, description = "The instrument's title as the licence gives it")
        String title,
        @Size(max = ClinicText.INSTRUCTIONS_MAX)
        @Schema(nullable = true, maxLength = ClinicText.INSTRUCTIONS_MAX, description = "What the patient is asked to do")
        String instructions,
        @NotNull @Size(max = 50) @Valid
        @Schema(maxItems = 50, description = "Exactly as many as the definition has items")
        List<ItemText> items,
        @NotNull @Size(max = ClinicText.ATTESTATION_MAX)
        @Schema(maxLength = ClinicText.ATTESTATION_MAX, description = "Who holds the licence (the clinic or its owner)")
        String licenceHolder,
        @NotNull @Size(max = ClinicText.ATTESTATION_MAX)
        @Schema(maxLength = ClinicText.ATTESTATION_MAX, description = "The licence's reference or number")
        String licenceReference,
        @Schema(nullable = true, description = "The last day the licence is valid, if it ends; not in the past")
        LocalDate validUntil) {

    /** One item's wording. */
    @Schema(name = "InstrumentItemText", description = "One item's question or statement and its answer labels.")
    public record ItemText(
            @NotNull @Size(max = ClinicText.ITEM_TEXT_MAX)
            @Schema(maxLength = ClinicText.ITEM_TEXT_MAX, description = "The question or statement")
            String text,
            @NotNull @Size(max = 12)
            @Schema(maxItems = 12, description = "One label per answer value, lowest value first")
            List<@NotNull @Size(max = ClinicText.LABEL_MAX) String> options) {
    }

    public ClinicText text() {
        return new ClinicText(title, instructions, items.stream()
                .map(i -> i == null ? null : new ClinicText.ItemText(i.text(), i.options())).toList(),
                licenceHolder, licenceReference, validUntil);
    }
}

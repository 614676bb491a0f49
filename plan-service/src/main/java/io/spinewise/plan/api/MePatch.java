package io.spinewise.plan.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A patient's change to their own record: the time zone (what "today" is), the language their
 * pages are written in, or both; a field left out stays as it is.
 */
public record MePatch(
        @Schema(nullable = true) @Size(max = 64) @TimeZoneId String timeZone,
        @Schema(nullable = true, description = "en, de, fr or es")
        @Pattern(regexp = LANGUAGE, message = "must be one of en, de, fr, es") String language) {

    /** The languages the patient's pages are written in. */
    public static final String LANGUAGE = "^(en|de|fr|es)$";

    public boolean empty() {
        return timeZone == null && language == null;
    }
}

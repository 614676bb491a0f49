package io.spinewise.plan.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A session checked off: which plan, the patient's local date and the slot (1 = first
 * session of the day), what was done, and how it felt; {@code performedAt} when it was done, sent by a
 * phone that kept the check-off while offline (absent: now). Omitted from the request's fingerprint when
 * absent, so a replay of a check-off sent before the field existed still matches.
 */
public record CheckOffRequest(
        @NotNull UUID planId,
        @NotNull LocalDate date,
        @NotNull @Min(value = 1, message = "must be at least 1") @Max(value = 12, message = "must be at most 12") Integer slot,
        @NotNull @Size(max = 20, message = "must have at most 20 items") List<@NotNull @Valid Item> items,
        @Min(value = 0, message = "must be between 0 and 10") @Max(value = 10, message = "must be between 0 and 10") Integer painBefore,
        @Min(value = 0, message = "must be between 0 and 10") @Max(value = 10, message = "must be between 0 and 10") Integer painAfter,
        @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5") Integer difficulty,
        @Size(max = 500) String note,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = true, description = "When the session was done (ISO-8601 with offset), for a check-off"
                + " sent later from a phone that was offline; absent: now. It must fall on `date` in the patient's"
                + " time zone, within the late-logging window, and not in the future.")
        Instant performedAt) {

    /** One exercise of the session: done or not, and optionally what was actually done. */
    @Schema(name = "CheckOffItem")
    public record Item(
            @NotNull @Size(max = 80) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "must be a catalog slug") String exercise,
            @NotNull Boolean done,
            @Min(value = 0, message = "must be 0 or more") @Max(value = 3600, message = "must be at most 3600") Integer seconds,
            @Min(value = 0, message = "must be 0 or more") @Max(value = 1000, message = "must be at most 1000") Integer reps) {
    }
}

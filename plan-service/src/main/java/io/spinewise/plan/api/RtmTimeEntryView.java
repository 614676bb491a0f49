package io.spinewise.plan.api;

import io.spinewise.plan.data.RtmTimeLog;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Logged treatment-management time. */
public record RtmTimeEntryView(
        UUID id, LocalDate date, int minutes, boolean interactive,
        @Schema(nullable = true) String note,
        @Schema(description = "The clinician's user id (the token's subject); only they may delete the entry")
        String clinician,
        @Schema(nullable = true, description = "The clinician's name when the time was logged") String clinicianName,
        Instant createdAt) {

    public static RtmTimeEntryView of(RtmTimeLog.Entry e) {
        return new RtmTimeEntryView(e.id(), e.date(), e.minutes(), e.interactive(), e.note(), e.clinician(),
                e.clinicianName(), e.createdAt());
    }
}

package io.spinewise.web.client.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Logged treatment-management time; {@code clinician} is the user id of who logged it. */
public record RtmTimeEntry(UUID id, LocalDate date, int minutes, boolean interactive, String note, String clinician,
                           String clinicianName, Instant createdAt) {
}

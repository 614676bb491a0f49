package io.spinewise.web.client.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The clinic's licensed text of an instrument (GET /api/clinic/instruments/{code}/text), and who entered it. */
public record InstrumentText(String instrument, String title, String instructions,
                             List<InstrumentTextRequest.ItemText> items, String licenceHolder, String licenceReference,
                             LocalDate validUntil, String enteredBy, String enteredByName, Instant enteredAt) {
}

package io.spinewise.web.client.model;

import java.time.LocalDate;
import java.util.List;

/** The clinic's licensed text as the form sends it (PUT /api/clinic/instruments/{code}/text). */
public record InstrumentTextRequest(String title, String instructions, List<ItemText> items, String licenceHolder,
                                    String licenceReference, LocalDate validUntil) {

    /** One item's question or statement and one label per answer value, lowest first. */
    public record ItemText(String text, List<String> options) {
    }
}

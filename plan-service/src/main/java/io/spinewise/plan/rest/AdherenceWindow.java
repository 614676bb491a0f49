package io.spinewise.plan.rest;

import io.spinewise.plan.api.AdherenceView;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.LocalDate;

/**
 * The query of every adherence read: {@code from} and {@code to} (dates, both optional) and
 * {@code days}; a date that cannot be read is a 400 naming it, when the resource asks for it.
 */
public class AdherenceWindow {

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @Parameter(description = AdherenceView.DAYS_PARAMETER)
    @QueryParam("days")
    boolean days;

    LocalDate from() {
        return Params.date(from, "from");
    }

    LocalDate to() {
        return Params.date(to, "to");
    }

    /** Whether to list the figures of each day. */
    boolean days() {
        return days;
    }
}

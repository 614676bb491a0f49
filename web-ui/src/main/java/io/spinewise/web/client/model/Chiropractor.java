package io.spinewise.web.client.model;

/** A prescriber of the clinic (plan-service's {@code GET /api/clinic/chiropractors}): user id and display name. */
public record Chiropractor(String id, String name) {
}

package io.spinewise.web.client.model;

/** Taking one reason a patient needs attention in hand (POST /api/patients/{id}/attention-acknowledgements). */
public record AcknowledgementRequest(String reason, String note) {
}

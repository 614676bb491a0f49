package io.spinewise.web.client.model;

import java.time.LocalDate;

/** Time to log (POST /api/patients/{id}/rtm/time). */
public record RtmTimeRequest(Integer minutes, LocalDate date, Boolean interactive, String note) {
}

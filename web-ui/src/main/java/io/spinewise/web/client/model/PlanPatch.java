package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of PATCH /api/plans/{id} as the web-ui sends it: a new status (PAUSED, ACTIVE, COMPLETED). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanPatch(String status) {
}

package io.spinewise.web.page;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.CatalogClient;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.Patient;
import io.spinewise.web.client.model.Plan;
import io.spinewise.web.client.model.PlanItem;
import io.spinewise.web.client.model.Schedule;
import io.spinewise.web.security.Roles;
import io.spinewise.web.client.model.Side;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Editing a prescribed plan on the prescription form: its exercises, doses and schedule as they
 * are, changed and saved as a new version that plan-service puts in force from the patient's
 * today (the earlier version and its sessions stay as they were). A completed plan cannot change.
 */
@Path("/patients/{id}/plans/{planId}/edit")
@RolesAllowed(Roles.CHIROPRACTOR)
@Produces(MediaType.TEXT_HTML)
public class PlanEditing {

    @Inject
    PlanClient plan;

    @Inject
    CatalogClient catalog;

    @GET
    public TemplateInstance form(@PathParam("id") UUID id, @PathParam("planId") UUID planId) {
        Patient patient = plan.patient(id).orElseThrow(NotFoundException::new);
        Plan current = plan.plans(id).stream().filter(p -> p.id().equals(planId) && !p.completed()).findFirst()
                .orElseThrow(NotFoundException::new);
        Schedule schedule = current.schedule();
        return new ChiropractorPages.PrescribePage(patient, List.of(), null, current.title(),
                current.itemsOrEmpty().stream().map(PlanEditing::row).toList(),
                schedule == null || schedule.daysOfWeek() == null || schedule.daysOfWeek().isEmpty()
                        ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(schedule.daysOfWeek()),
                schedule == null || schedule.sessionsPerDay() == null ? 1 : schedule.sessionsPerDay(),
                schedule == null ? null : schedule.startDate(), schedule == null ? null : schedule.endDate(),
                library(), ChiropractorPages.categories(), Map.of(), null, planId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") UUID id, @PathParam("planId") UUID planId, MultivaluedMap<String, String> form) {
        PrescriptionForm input = PrescriptionForm.read(form);
        if (input.send(request -> plan.edit(planId, request))) {
            return Response.seeOther(URI.create("/patients/" + id)).build();
        }
        Patient patient = plan.patient(id).orElseThrow(NotFoundException::new);
        return Response.status(400).entity(new ChiropractorPages.PrescribePage(patient, List.of(), null, input.title,
                input.rows, input.days, input.sessionsPerDay, input.startDate, input.endDate, library(),
                ChiropractorPages.categories(), input.errors,
                input.errors.getOrDefault("form", "Please correct the marked fields."), planId)).build();
    }

    /** A prescribed item as a row of the form, with the dose it has now. */
    private static ItemRow row(PlanItem item) {
        boolean reps = item.reps() != null && item.holdSeconds() == null;
        return new ItemRow(ItemRow.newId(), item.exercise(), item.exerciseName(), item.sets() == null ? 1 : item.sets(),
                reps ? "reps" : "hold", reps ? item.reps() : item.holdSeconds(),
                item.side() == null ? Side.BOTH : item.side(), item.note() == null ? "" : item.note(), null);
    }

    private List<Exercise> library() {
        return catalog.exercises(null, null, null, 0, 50).itemsOrEmpty();
    }
}

package io.spinewise.web.prescribing;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.CatalogClient;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.Patient;
import io.spinewise.web.client.model.Plan;
import io.spinewise.web.client.model.PlanItem;
import io.spinewise.web.client.model.Routine;
import io.spinewise.web.client.model.Schedule;
import io.spinewise.web.config.WebConfig;
import io.spinewise.web.page.ExerciseCard;
import io.spinewise.web.page.ExerciseCards;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Prescribing on one form: a new plan from a template or from the library, or a prescribed plan
 * edited as it is, which plan-service saves as a new version in force from the patient's today
 * (the earlier version and its sessions stay as they were; a completed plan cannot change).
 * Beside the form: the library search, a row for an exercise added, the patient's-eye preview.
 */
@Path("/patients")
@RolesAllowed(Roles.CHIROPRACTOR)
@Produces(MediaType.TEXT_HTML)
public class Prescribing {

    private static final String MID_BACK_RELIEF = "mid-back-relief";

    @Inject
    PlanClient plan;

    @Inject
    CatalogClient catalog;

    @Inject
    ExerciseCards exerciseCards;

    @Inject
    WebConfig config;

    /** The prescription form; {@code planId} is the plan being edited, null for a new one. */
    record PrescribePage(Patient patient, List<Routine> routines, String routine, String title, List<ItemRow> rows,
                         Set<DayOfWeek> days, Integer sessionsPerDay, LocalDate startDate, LocalDate endDate,
                         List<Exercise> library, Map<String, String> errors, String message, UUID planId)
            implements TemplateInstance {
    }

    record LibraryResults(UUID patientId, List<Exercise> library) implements TemplateInstance {
    }

    record ItemFragment(ItemRow row) implements TemplateInstance {
    }

    record Preview(List<ExerciseCard> cards, String title, String schedule) implements TemplateInstance {
    }

    /**
     * The prescription form, from "Mid-back relief" unless another template is asked for;
     * {@code ?routine=} (the "empty" choice) starts with no exercises. The framework reads an
     * empty query value as absent, hence the look at the query itself.
     */
    @GET
    @Path("{id}/prescribe")
    public TemplateInstance prescribeForm(@PathParam("id") UUID id, @QueryParam("routine") String routineSlug,
                                          @Context UriInfo uri) {
        Patient patient = patient(id);
        List<Routine> routines = catalog.routines().itemsOrEmpty();
        String slug = routineSlug != null ? routineSlug
                : uri.getQueryParameters().containsKey("routine") ? "" : MID_BACK_RELIEF;
        Routine routine = slug.isBlank() ? null : catalog.routine(slug).orElse(null);
        if (routine == null) {
            return new PrescribePage(patient, routines, null, null, List.of(), EnumSet.allOf(DayOfWeek.class), 1,
                    today(), null, library(), Map.of(), null, null);
        }
        List<ItemRow> rows = routine.itemsOrEmpty().stream()
                .map(i -> ItemRow.from(i.exercise().slug(), i.exercise().name(), i.dosage(), i.note())).toList();
        Routine.Schedule schedule = routine.schedule();
        boolean hasDays = schedule != null && schedule.daysOfWeek() != null;
        return new PrescribePage(patient, routines, routine.slug(), routine.name(), rows,
                hasDays ? EnumSet.copyOf(schedule.daysOfWeek()) : EnumSet.allOf(DayOfWeek.class),
                hasDays ? schedule.sessionsPerDay() : Integer.valueOf(1), today(), null, library(), Map.of(), null,
                null);
    }

    @GET
    @Path("{id}/prescribe/library")
    public TemplateInstance library(@PathParam("id") UUID id, @QueryParam("q") String q,
                                    @QueryParam("category") String category, @QueryParam("equipment") String equipment) {
        return new LibraryResults(id, catalog.exercises(q, category, equipment, 0, config.libraryPicks()).itemsOrEmpty());
    }

    @GET
    @Path("{id}/prescribe/item")
    public TemplateInstance item(@PathParam("id") UUID id, @QueryParam("exercise") String slug) {
        Exercise exercise = catalog.exercise(slug == null ? "" : slug).orElseThrow(NotFoundException::new).value();
        return new ItemFragment(ItemRow.from(exercise.slug(), exercise.name(), exercise.dosage(), null));
    }

    /** Saves a new plan, or answers the preview the form's other button asks for. */
    @POST
    @Path("{id}/prescribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response prescribe(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        PrescriptionForm input = PrescriptionForm.read(form);
        if ("preview".equals(form.getFirst("action"))) {
            List<PlanItem> items = input.rows.stream().map(ItemRow::preview).toList();
            String schedule = new Schedule(input.days, input.sessionsPerDay, input.startDate, input.endDate).text();
            return Response.ok(new Preview(exerciseCards.cards("pv-", items),
                    input.title == null ? "Your routine" : input.title, schedule)).build();
        }
        if (input.send(request -> plan.prescribe(id, request))) {
            return Response.seeOther(URI.create("/patients/" + id)).build();
        }
        Patient patient = patient(id);
        return refused(patient, input, catalog.routines().itemsOrEmpty(), input.routine, null);
    }

    /** The form filled with the plan as it is now; a completed plan is not found. */
    @GET
    @Path("{id}/plans/{planId}/edit")
    public TemplateInstance editForm(@PathParam("id") UUID id, @PathParam("planId") UUID planId) {
        Patient patient = patient(id);
        Plan current = plan.plans(id).stream().filter(p -> p.id().equals(planId) && !p.completed()).findFirst()
                .orElseThrow(NotFoundException::new);
        Schedule schedule = current.schedule();
        return new PrescribePage(patient, List.of(), null, current.title(),
                current.itemsOrEmpty().stream().map(ItemRow::of).toList(),
                schedule == null || schedule.daysOfWeek() == null || schedule.daysOfWeek().isEmpty()
                        ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(schedule.daysOfWeek()),
                schedule == null || schedule.sessionsPerDay() == null ? 1 : schedule.sessionsPerDay(),
                schedule == null ? null : schedule.startDate(), schedule == null ? null : schedule.endDate(),
                library(), Map.of(), null, planId);
    }

    @POST
    @Path("{id}/plans/{planId}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") UUID id, @PathParam("planId") UUID planId,
                         MultivaluedMap<String, String> form) {
        PrescriptionForm input = PrescriptionForm.read(form);
        if (input.send(request -> plan.edit(planId, request))) {
            return Response.seeOther(URI.create("/patients/" + id)).build();
        }
        return refused(patient(id), input, List.of(), null, planId);
    }

    /** The form again, as entered, with what is wrong by each field (400). */
    private Response refused(Patient patient, PrescriptionForm input, List<Routine> routines, String routine,
                             UUID planId) {
        return Response.status(400).entity(new PrescribePage(patient, routines, routine, input.title,
                input.rows, input.days, input.sessionsPerDay, input.startDate, input.endDate, library(), input.errors(),
                input.message(), planId)).build();
    }

    private Patient patient(UUID id) {
        return plan.patient(id).orElseThrow(NotFoundException::new);
    }

    /** The library's first page, offered below the form before any search. */
    private List<Exercise> library() {
        return catalog.exercises(null, null, null, 0, config.libraryPicks()).itemsOrEmpty();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}

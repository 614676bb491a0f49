package io.spinewise.web.page;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.CatalogClient;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.Adherence;
import io.spinewise.web.client.model.DashboardRow;
import io.spinewise.web.client.model.Enrolment;
import io.spinewise.web.client.model.EnrolmentRequest;
import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.ListPage;
import io.spinewise.web.client.model.Patient;
import io.spinewise.web.client.model.Plan;
import io.spinewise.web.client.model.PlanItem;
import io.spinewise.web.client.model.PlanVersion;
import io.spinewise.web.client.model.Routine;
import io.spinewise.web.client.model.PlanStatus;
import io.spinewise.web.client.model.Term;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * The chiropractor's pages: the patients list (adherence, streak, pain, flags), enrolment with
 * the one-time login shown once, the patient page (calendar, charts, plans and their history),
 * and prescribing from a template or from the library with a preview of the patient's view.
 */
@Path("/patients")
@RolesAllowed(Roles.CHIROPRACTOR)
@Produces(MediaType.TEXT_HTML)
public class ChiropractorPages {

    /**
     * What a chiropractor is told when enrolment finds the email address taken: the same for an
     * address of their own clinic, of another clinic or of staff, and without saying that an
     * account exists, which would tell one clinic about another's patients (docs/architecture.md).
     */
    static final String EMAIL_NOT_USABLE = "This email address cannot be used for a new login. Ask the patient for"
            + " another address, or contact support if they should already have one.";

    static final String MID_BACK_RELIEF = "mid-back-relief";
    @Inject
    PlanClient plan;

    @Inject
    CatalogClient catalog;

    /** {@code notice}: why the list is empty although patients exist (a page beyond the last), or null. */
    record PatientsPage(List<DashboardRow> rows, Pager pager, String q, String sort, String dir, String notice)
            implements TemplateInstance {
    }

    /** The list part of the page (count, table, page links), for a search or page change through htmx. */
    record PatientsPage$list(List<DashboardRow> rows, Pager pager, String q, String sort, String dir, String notice)
            implements TemplateInstance {
    }

    record EnrolPage(EnrolmentRequest entered, Map<String, String> errors, String message, List<String> timeZones)
            implements TemplateInstance {
    }

    record CredentialsPage(Enrolment enrolment) implements TemplateInstance {
    }

    /** {@code from}/{@code to}: the period shown; {@code range}: the fields as typed, with their errors. */
    record PatientPage(Patient patient, List<Plan> plans, Adherence adherence, CalendarView calendar, PainChart pain,
                       LocalDate from, LocalDate to, DateRange range, List<String> timeZones)
            implements TemplateInstance {
    }

    record PlanHistory(List<PlanVersion> versions) implements TemplateInstance {
    }

    record Handout(Patient patient, Plan plan, List<ExerciseCard> cards) implements TemplateInstance {
    }

    /** The prescription form; {@code planId} is the plan being edited (see {@link PlanEditing}), null for a new one. */
    record PrescribePage(Patient patient, List<Routine> routines, String routine, String title, List<ItemRow> rows,
                         Set<DayOfWeek> days, Integer sessionsPerDay, LocalDate startDate, LocalDate endDate,
                         List<Exercise> library, List<String> categories, Map<String, String> errors, String message,
                         UUID planId)
            implements TemplateInstance {
    }

    record LibraryResults(UUID patientId, List<Exercise> library) implements TemplateInstance {
    }

    record ItemFragment(ItemRow row) implements TemplateInstance {
    }

    record Preview(List<ExerciseCard> cards, String title, String schedule) implements TemplateInstance {
    }

    // --- patients list ---

    /**
     * One page of the clinic's patients, in plan-service's order (by name). The sort orders the
     * rows of the page shown: the figures are computed per page, so a clinic-wide sort by them
     * would cost as much as the whole clinic. {@code page} counts from 1; text that is not a page
     * number answers 400, a page beyond the last 404 with links back into the list.
     */
    @GET
    public Response patients(@QueryParam("q") String q, @QueryParam("sort") String sort,
                             @QueryParam("dir") String dir, @QueryParam("page") String pageText,
                             @Context HttpHeaders headers) {
        OptionalInt asked = Pager.requested(pageText);
        if (asked.isEmpty()) {
            return ErrorPages.noSuchPage(pageText, headers);
        }
        String search = q == null ? "" : q.strip();
        String key = sort == null || sort.isBlank() ? "flags" : sort;
        String direction = "desc".equals(dir) ? "desc" : "asc";
        ListPage<DashboardRow> page = plan.dashboard(search, asked.getAsInt() - 1);
        List<DashboardRow> rows = new ArrayList<>(page.itemsOrEmpty());
        rows.sort(comparator(key, "desc".equals(direction)));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", search);
        params.put("sort", key);
        params.put("dir", direction);
        Pager pager = Pager.of("/patients", params, page, asked.getAsInt());
        String notice = pager.beyondEndNotice();
        TemplateInstance answer = Htmx.targets(headers, "patient-list")
                ? new PatientsPage$list(rows, pager, search, key, direction, notice)
                : new PatientsPage(rows, pager, search, key, direction, notice);
        return Response.status(pager.beyondEnd() ? 404 : 200).entity(answer).build();
    }

    static Comparator<DashboardRow> comparator(String key, boolean descending) {
        Comparator<DashboardRow> byName = Comparator.comparing(r -> r.name() == null ? "" : r.name().toLowerCase());
        Comparator<DashboardRow> c = switch (key) {
            case "adh7" -> Comparator.comparing(r -> pct(r.last7Days()));
            case "adh30" -> Comparator.comparing(r -> pct(r.last30Days()));
            case "streak" -> Comparator.comparingInt(DashboardRow::streak);
            case "last" -> Comparator.comparing(r -> r.lastSession() == null ? LocalDate.MIN : r.lastSession());
            case "pain" -> Comparator.comparing(r -> r.latestPain() == null ? -1 : r.latestPain());
            case "flags" -> Comparator.comparing((DashboardRow r) -> -r.flagsOrEmpty().size());
            default -> byName;
        };
        c = descending ? c.reversed() : c;
        return c.thenComparing(byName);
    }

    private static double pct(DashboardRow.Window window) {
        return window == null || window.percentage() == null ? -1 : window.percentage();
    }

    // --- enrolment ---

    @GET
    @Path("new")
    public TemplateInstance enrolForm() {
        return new EnrolPage(new EnrolmentRequest("", "", "", "Europe/Zurich"), Map.of(), null, TimeZones.COMMON);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enrol(MultivaluedMap<String, String> form) {
        EnrolmentRequest request = new EnrolmentRequest(text(form, "firstName"), text(form, "lastName"),
                text(form, "email"), text(form, "timeZone"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (request.firstName().isEmpty()) {
            errors.put("firstName", "Enter the first name.");
        }
        if (request.lastName().isEmpty()) {
            errors.put("lastName", "Enter the last name.");
        }
        if (!request.email().matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            errors.put("email", "Enter an email address such as name@example.org.");
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(new EnrolPage(request, errors, "Please correct the marked fields.", TimeZones.COMMON)).build();
        }
        try {
            Enrolment enrolment = plan.enrol(request);
            // rendered directly, never redirected: the password must not travel in a URL or be shown twice
            return Response.ok(new CredentialsPage(enrolment)).build();
        } catch (ServiceException e) {
            FieldErrors.put(e, errors, FieldErrors::enrolmentField);
            if (e.status() == 409) {
                // the address is taken: web-ui's own neutral sentence, by the email field and as the message,
                // whatever plan-service's detail says, so no wording can tell whose account holds it
                errors.put("email", EMAIL_NOT_USABLE);
            }
            // plan-service's own words when it answered (e.g. Keycloak down: nothing saved, try again),
            // with what was typed kept, so that trying again is one click
            String message = e.status() == 409 ? EMAIL_NOT_USABLE
                    : e.status() > 0 && e.problem() != null && e.problem().detail() != null
                    ? e.problem().detail() : e.readableMessage();
            int status = e.unavailable() ? 503 : e.status() == 409 ? 409 : 400;
            return Response.status(status).entity(new EnrolPage(request, errors, message, TimeZones.COMMON)).build();
        }
    }

    // --- one patient ---

    /**
     * The patient's figures over a period: five weeks up to tomorrow unless chosen. Dates that
     * cannot be used answer 400 with the reason by the field, and the default period is shown.
     */
    @GET
    @Path("{id}")
    public Response patient(@PathParam("id") UUID id, @QueryParam("from") String fromText,
                            @QueryParam("to") String toText) {
        Patient patient = plan.patient(id).orElseThrow(NotFoundException::new);
        DateRange range = patientRange(fromText, toText);
        DateRange shown = range.valid() ? range : patientRange(null, null);
        LocalDate from = shown.from().value();
        LocalDate to = shown.to().value();
        Adherence adherence = plan.adherence(id, from, to);
        List<Plan> plans = plan.plans(id);
        return Response.status(range.valid() ? 200 : 400).entity(new PatientPage(patient, plans, adherence,
                CalendarView.of(adherence), PainChart.of(adherence.pain()), from, to, range, TimeZones.offeredFor(patient.timeZone()))).build();
    }

    private static DateRange patientRange(String fromText, String toText) {
        return DateRange.read(fromText, toText, LocalDate.now(ZoneOffset.UTC).plusDays(1), 35);
    }

    @POST
    @Path("{id}/plans/{planId}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeStatus(@PathParam("id") UUID id, @PathParam("planId") UUID planId,
                                 MultivaluedMap<String, String> form) {
        PlanStatus status = Term.parse(PlanStatus.class, form.getFirst("status"), null);
        if (status == null) {
            throw new BadRequestException();
        }
        plan.changeStatus(planId, status);
        return Response.seeOther(URI.create("/patients/" + id)).build();
    }

    /** A patient who moved, or a zone entered wrongly at enrolment: plan-service checks the zone. */
    @POST
    @Path("{id}/time-zone")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeTimeZone(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        plan.changeTimeZone(id, text(form, "timeZone"));
        return Response.seeOther(URI.create("/patients/" + id)).build();
    }

    @GET
    @Path("{id}/plans/{planId}/history")
    public TemplateInstance history(@PathParam("id") UUID id, @PathParam("planId") UUID planId) {
        return new PlanHistory(plan.versions(planId));
    }

    @GET
    @Path("{id}/plans/{planId}/handout")
    public TemplateInstance handout(@PathParam("id") UUID id, @PathParam("planId") UUID planId) {
        Patient patient = plan.patient(id).orElseThrow(NotFoundException::new);
        Plan chosen = plan.plans(id).stream().filter(p -> p.id().equals(planId)).findFirst()
                .orElseThrow(NotFoundException::new);
        return new Handout(patient, chosen, cards(chosen.itemsOrEmpty()));
    }

    // --- prescribing ---

    /**
     * The prescription form, from "Mid-back relief" unless another template is asked for;
     * {@code ?routine=} (the "empty" choice) starts with no exercises. The framework reads an
     * empty query value as absent, hence the look at the query itself.
     */
    @GET
    @Path("{id}/prescribe")
    public TemplateInstance prescribeForm(@PathParam("id") UUID id, @QueryParam("routine") String routineSlug,
                                          @Context UriInfo uri) {
        Patient patient = plan.patient(id).orElseThrow(NotFoundException::new);
        List<Routine> routines = catalog.routines().itemsOrEmpty();
        String slug = routineSlug != null ? routineSlug
                : uri.getQueryParameters().containsKey("routine") ? "" : MID_BACK_RELIEF;
        List<ItemRow> rows = new ArrayList<>();
        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        Integer sessions = 1;
        String chosen = null;
        String title = null;
        if (!slug.isBlank()) {
            Routine routine = catalog.routine(slug).orElse(null);
            if (routine != null) {
                chosen = routine.slug();
                title = routine.name();
                routine.itemsOrEmpty().forEach(i -> rows.add(ItemRow.from(i.exercise().slug(), i.exercise().name(),
                        i.dosage(), i.note())));
                if (routine.schedule() != null && routine.schedule().daysOfWeek() != null) {
                    days = EnumSet.copyOf(routine.schedule().daysOfWeek());
                    sessions = routine.schedule().sessionsPerDay();
                }
            }
        }
        List<Exercise> library = catalog.exercises(null, null, null, 0, 50).itemsOrEmpty();
        return new PrescribePage(patient, routines, chosen, title, rows, days, sessions,
                LocalDate.now(ZoneOffset.UTC), null, library, categories(), Map.of(), null, null);
    }

    @GET
    @Path("{id}/prescribe/library")
    public TemplateInstance library(@PathParam("id") UUID id, @QueryParam("q") String q,
                                    @QueryParam("category") String category, @QueryParam("equipment") String equipment) {
        return new LibraryResults(id, catalog.exercises(q, category, equipment, 0, 50).itemsOrEmpty());
    }

    @GET
    @Path("{id}/prescribe/item")
    public TemplateInstance item(@PathParam("id") UUID id, @QueryParam("exercise") String slug) {
        Exercise exercise = catalog.exercise(slug == null ? "" : slug).orElseThrow(NotFoundException::new).value();
        return new ItemFragment(ItemRow.from(exercise.slug(), exercise.name(), exercise.dosage(), null));
    }

    @POST
    @Path("{id}/prescribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response prescribe(@PathParam("id") UUID id, MultivaluedMap<String, String> form,
                              @Context HttpHeaders headers) {
        PrescriptionForm input = PrescriptionForm.read(form);
        if ("preview".equals(form.getFirst("action"))) {
            List<PlanItem> items = input.rows.stream().map(ItemRow::preview).toList();
            String schedule = new io.spinewise.web.client.model.Schedule(input.days, input.sessionsPerDay,
                    input.startDate, input.endDate).text();
            return Response.ok(new Preview(cards(items), input.title == null ? "Your routine" : input.title, schedule))
                    .build();
        }
        if (input.send(request -> plan.prescribe(id, request))) {
            return Response.seeOther(URI.create("/patients/" + id)).build();
        }
        Patient patient = plan.patient(id).orElseThrow(NotFoundException::new);
        List<Routine> routines = catalog.routines().itemsOrEmpty();
        List<Exercise> library = catalog.exercises(null, null, null, 0, 50).itemsOrEmpty();
        return Response.status(400).entity(new PrescribePage(patient, routines, input.routine, input.title, input.rows,
                input.days, input.sessionsPerDay, input.startDate, input.endDate, library, categories(), input.errors,
                input.errors.getOrDefault("form", "Please correct the marked fields."), null)).build();
    }

    /** Exercise cards for plan items, with the library's details (one request) where it can be reached. */
    private List<ExerciseCard> cards(List<PlanItem> items) {
        Map<String, Exercise> details = Map.of();
        try {
            details = catalog.exercisesBySlug(items.stream().map(PlanItem::exercise).toList());
        } catch (ServiceException e) {
            // a handout or preview without the library still shows the prescription itself
        }
        List<ExerciseCard> cards = new ArrayList<>();
        for (PlanItem item : items) {
            cards.add(new ExerciseCard("pv-" + item.exercise(), item, details.get(item.exercise())));
        }
        return cards;
    }

    static List<String> categories() {
        return List.of("SOFT_TISSUE_RELEASE", "MOBILITY", "EXTENSION", "STRETCH", "STRENGTH", "POSTURE");
    }

    private static String text(MultivaluedMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null ? "" : value.strip();
    }
}

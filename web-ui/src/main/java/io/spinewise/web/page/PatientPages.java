package io.spinewise.web.page;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.CatalogClient;
import io.spinewise.web.client.Downloads;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.Adherence;
import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.Plan;
import io.spinewise.web.client.model.PlanItem;
import io.spinewise.web.client.model.Today;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The patient's pages: Today (follow and check off the routine) and Progress. Phone first. */
@Path("/")
@RolesAllowed(Roles.PATIENT)
@Produces(MediaType.TEXT_HTML)
public class PatientPages {

    @Inject
    PlanClient plan;

    @Inject
    CatalogClient catalog;

    @Inject
    Downloads downloads;

    /** @param libraryDown the exercise library could not be reached: cards show the prescription only */
    record TodayPage(LocalDate date, List<PlanSection> plans, boolean libraryDown) implements TemplateInstance {
    }

    /** One plan's section alone, for htmx after a check-off or an undo. */
    record TodayPage$plan(PlanSection section) implements TemplateInstance {
    }

    record ProgressPage(Adherence adherence, CalendarView calendar, PainChart pain, List<Plan> plans, String timeZone,
                        List<String> timeZones) implements TemplateInstance {
    }

    @GET
    @Path("today")
    public TemplateInstance today() {
        Today today = plan.today();
        Map<String, Exercise> details = new HashMap<>();
        boolean libraryDown = loadDetails(today, details);
        List<PlanSection> sections = new ArrayList<>();
        for (Today.PlanToday p : today.plansOrEmpty()) {
            sections.add(section(today, p, details, PlanSection.Entered.nothing(), Map.of(), null, false, null));
        }
        return new TodayPage(today.date(), sections, libraryDown);
    }

    @POST
    @Path("today/sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response checkOff(MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        CheckOffForm input = CheckOffForm.read(form);
        PlanSection.Entered entered = new PlanSection.Entered(Set.copyOf(form.getOrDefault("done", List.of())),
                input.painBefore, input.painAfter, input.difficulty, input.note == null ? "" : input.note);
        if (!input.valid()) {
            return again(input.planId, entered, input.errors, "Please check the marked answers.", true,
                    input.idempotencyKey, headers, 400);
        }
        try {
            plan.checkOff(input.idempotencyKey, input.request());
        } catch (ServiceException e) {
            Map<String, String> errors = new HashMap<>();
            e.violations().forEach(v -> errors.put(v.field(), v.message()));
            boolean later = e.unavailable() || e.tooManyRequests();
            return again(input.planId, entered, errors, e.readableMessage()
                    + (later ? " Your answers are still here: press Save again." : ""), true,
                    input.idempotencyKey, headers, e.unavailable() ? 503 : e.tooManyRequests() ? 429 : 400);
        }
        if (Htmx.isHtmx(headers)) {
            return again(input.planId, PlanSection.Entered.nothing(), Map.of(), "Session saved. Well done!", false,
                    null, headers, 200);
        }
        return Response.seeOther(URI.create("/today")).build();
    }

    @POST
    @Path("today/sessions/{id}/undo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response undo(@PathParam("id") UUID checkOffId, MultivaluedMap<String, String> form,
                         @Context HttpHeaders headers) {
        plan.undoCheckOff(checkOffId);
        UUID planId = parse(form.getFirst("planId"));
        if (Htmx.isHtmx(headers) && planId != null) {
            return again(planId, PlanSection.Entered.nothing(), Map.of(), "Check-off undone.", false, null, headers, 200);
        }
        return Response.seeOther(URI.create("/today")).build();
    }

    @GET
    @Path("progress")
    public TemplateInstance progress() {
        LocalDate to = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        Adherence adherence = plan.myAdherence(to.minusDays(35), to);
        List<Plan> plans = plan.myPlans();
        String zone = plan.me().timeZone();
        return new ProgressPage(adherence, CalendarView.of(adherence), PainChart.of(adherence.pain()), plans, zone,
                TimeZones.offeredFor(zone));
    }

    /** A patient who moves or travels: "today" follows the zone; sessions already done keep their dates. */
    @POST
    @Path("progress/time-zone")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeTimeZone(MultivaluedMap<String, String> form) {
        String zone = form.getFirst("timeZone");
        plan.changeMyTimeZone(zone == null ? "" : zone.strip());
        return Response.seeOther(URI.create("/progress")).build();
    }

    @GET
    @Path("progress/export")
    @Produces(MediaType.WILDCARD)
    public Response export() {
        return downloads.planFile(Downloads.MY_EXPORT, "spinewise-my-data-" + LocalDate.now(ZoneOffset.UTC) + ".json");
    }

    /** The plan's section (htmx) or the whole Today page, fetched afresh, with a message. */
    private Response again(UUID planId, PlanSection.Entered entered, Map<String, String> errors, String message,
                           boolean isError, String keepKey, HttpHeaders headers, int status) {
        Today today = plan.today();
        Map<String, Exercise> details = new HashMap<>();
        boolean libraryDown = loadDetails(today, details);
        List<PlanSection> sections = new ArrayList<>();
        PlanSection changed = null;
        for (Today.PlanToday p : today.plansOrEmpty()) {
            boolean isThis = p.planId().equals(planId);
            PlanSection s = section(today, p, details, isThis ? entered : PlanSection.Entered.nothing(),
                    isThis ? errors : Map.of(), isThis ? message : null, isError, isThis ? keepKey : null);
            sections.add(s);
            if (isThis) {
                changed = s;
            }
        }
        if (Htmx.isHtmx(headers) && changed != null) {
            // htmx swaps 2xx answers; the message inside says whether it worked
            return Response.ok(new TodayPage$plan(changed)).build();
        }
        return Response.status(status).entity(new TodayPage(today.date(), sections, libraryDown)).build();
    }

    private static PlanSection section(Today today, Today.PlanToday p, Map<String, Exercise> details,
                                       PlanSection.Entered entered, Map<String, String> errors, String message,
                                       boolean isError, String keepKey) {
        List<Today.Session> done = new ArrayList<>();
        Integer open = null;
        for (Today.Session s : p.sessionsOrEmpty()) {
            if (s.done()) {
                done.add(s);
            } else if (open == null) {
                open = s.slot();
            }
        }
        List<ExerciseCard> cards = new ArrayList<>();
        String prefix = "p" + p.planId().toString().substring(0, 8);
        for (PlanItem item : p.itemsOrEmpty()) {
            cards.add(new ExerciseCard(prefix + "-" + item.exercise(), item, details.get(item.exercise())));
        }
        String key = open == null ? null : keepKey != null ? keepKey : UUID.randomUUID().toString();
        return new PlanSection(p.planId(), p.title(), today.date(), p.scheduledToday(), p.sessionsPerDay(), done,
                p.scheduledToday() ? open : null, key, cards, entered, errors, message, isError);
    }

    /** Fills {@code details} from the library, in one request; true when the library could not be reached. */
    private boolean loadDetails(Today today, Map<String, Exercise> details) {
        Set<String> slugs = new LinkedHashSet<>();
        today.plansOrEmpty().forEach(p -> p.itemsOrEmpty().forEach(i -> slugs.add(i.exercise())));
        try {
            details.putAll(catalog.exercisesBySlug(slugs));
        } catch (ServiceException e) {
            // a refusal leaves the cards with the prescription only, as an outage does, but says nothing
            return e.unavailable();
        }
        return false;
    }

    private static UUID parse(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package io.spinewise.web.today;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.MyQuestionnaires;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.DueAssessment;
import io.spinewise.web.client.model.PlanItem;
import io.spinewise.web.client.model.Today;
import io.spinewise.web.language.PatientLanguage;
import io.spinewise.web.page.ExerciseCards;
import io.spinewise.web.page.Htmx;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The patient's Today page: follow the routine, check a session off, undo a check-off. Phone first. */
@Path("/")
@RolesAllowed(Roles.PATIENT)
@Produces(MediaType.TEXT_HTML)
public class TodayRoutine {

    @Inject
    PlanClient plan;

    @Inject
    ExerciseCards exerciseCards;

    @Inject
    PatientLanguage language;

    @Inject
    MyQuestionnaires questionnaires;

    /**
     * @param libraryDown    the exercise library could not be reached: cards show the prescription only
     * @param questionnaires the questionnaires due today (none when plan-service cannot list them)
     * @param notice         a confirmation from another page ("Thank you, saved"), or null
     */
    record TodayPage(LocalDate date, List<PlanSection> plans, boolean libraryDown, List<DueAssessment> questionnaires,
                     String notice) implements TemplateInstance {
    }

    /** One plan's section alone, for htmx after a check-off or an undo. */
    record TodayPage$plan(PlanSection section) implements TemplateInstance {
    }

    @GET
    @Path("today")
    public TemplateInstance today(@QueryParam("saved") String saved) {
        Today today = plan.today();
        ExerciseCards.Details details = details(today);
        List<PlanSection> sections = new ArrayList<>();
        for (Today.PlanToday p : today.plansOrEmpty()) {
            sections.add(PlanSection.of(today, p, details, PlanSection.Entered.nothing(), Map.of(), null, false, null));
        }
        String notice = "questionnaire".equals(saved) ? language.messages().questionnaireSaved() : null;
        return new TodayPage(today.date(), sections, details.libraryDown(), dueQuestionnaires(), notice);
    }

    @POST
    @Path("today/sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response checkOff(MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        CheckOffForm input = CheckOffForm.read(form, language.messages());
        boolean outbox = OutboxAnswer.asked(headers);
        if (!input.valid() && outbox) {
            return OutboxAnswer.refused(400, input.errors().values());
        }
        if (!input.valid()) {
            return again(input.planId, input.entered(), input.errors(), language.messages().checkAnswers(), true,
                    input.idempotencyKey, headers, 400);
        }
        try {
            plan.checkOff(input.idempotencyKey, input.request());
        } catch (ServiceException e) {
            // caught here, not through the form's send(): with plan-service unavailable the answers stay on the page
            boolean later = e.unavailable() || e.tooManyRequests();
            if (outbox) {
                // a token plan-service did not take is no verdict on the check-off: kept for later too
                boolean notTheCheckOff = e.status() == 401 || e.status() == 403;
                return OutboxAnswer.refusedOrLater(e.unavailable() ? 503 : e.status(), later || notTheCheckOff,
                        CheckOffRefusals.sentence(e, language.messages()));
            }
            input.refused(e);
            return again(input.planId, input.entered(), input.errors(), CheckOffRefusals.sentence(e, language.messages())
                    + (later ? " " + language.messages().answersKept() : ""), true,
                    input.idempotencyKey, headers, e.unavailable() ? 503 : e.tooManyRequests() ? 429 : 400);
        }
        if (outbox) {
            return OutboxAnswer.sent();
        }
        if (Htmx.isHtmx(headers)) {
            return again(input.planId, PlanSection.Entered.nothing(), Map.of(), language.messages().sessionSaved(),
                    false, null, headers, 200);
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
            return again(planId, PlanSection.Entered.nothing(), Map.of(), language.messages().checkOffUndone(),
                    false, null, headers, 200);
        }
        return Response.seeOther(URI.create("/today")).build();
    }

    /** The plan's section (htmx) or the whole Today page, fetched afresh, with a message. */
    private Response again(UUID planId, PlanSection.Entered entered, Map<String, String> errors, String message,
                           boolean isError, String keepKey, HttpHeaders headers, int status) {
        Today today = plan.today();
        ExerciseCards.Details details = details(today);
        List<PlanSection> sections = new ArrayList<>();
        PlanSection changed = null;
        for (Today.PlanToday p : today.plansOrEmpty()) {
            boolean isThis = p.planId().equals(planId);
            PlanSection s = PlanSection.of(today, p, details, isThis ? entered : PlanSection.Entered.nothing(),
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
        return Response.status(status).entity(new TodayPage(today.date(), sections, details.libraryDown(),
                dueQuestionnaires(), null)).build();
    }

    /** What is due, or nothing when plan-service cannot say: the routine still shows. */
    private List<DueAssessment> dueQuestionnaires() {
        try {
            return questionnaires.dueKept();
        } catch (ServiceException e) {
            return List.of();
        }
    }

    /** The library's details of every exercise on the page, in one request. */
    private ExerciseCards.Details details(Today today) {
        return exerciseCards.details(today.plansOrEmpty().stream()
                .flatMap(p -> p.itemsOrEmpty().stream().map(PlanItem::exercise)).toList());
    }

    private static UUID parse(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package io.spinewise.web.progress;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.Downloads;
import io.spinewise.web.client.MyQuestionnaires;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.Adherence;
import io.spinewise.web.client.model.CalendarFeed;
import io.spinewise.web.client.model.CalendarFeedLink;
import io.spinewise.web.client.model.Outcome;
import io.spinewise.web.client.model.Patient;
import io.spinewise.web.client.model.Plan;
import io.spinewise.web.config.WebConfig;
import io.spinewise.web.form.FieldTarget;
import io.spinewise.web.form.FormInput;
import io.spinewise.web.language.PatientLanguage;
import io.spinewise.web.page.CalendarView;
import io.spinewise.web.page.PainChart;
import io.spinewise.web.page.TimeZones;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The patient's Progress page: streak, adherence, calendar, pain, routines, their calendar feed, time zone,
 * the language of their pages and data export.
 */
@Path("/")
@RolesAllowed(Roles.PATIENT)
@Produces(MediaType.TEXT_HTML)
public class Progress {

    @Inject
    PlanClient plan;

    @Inject
    Downloads downloads;

    @Inject
    TimeZones timeZones;

    @Inject
    WebConfig config;

    @Inject
    PatientLanguage language;

    @Inject
    MyQuestionnaires questionnaires;

    /**
     * {@code errors}: what is wrong with the language form, by field; {@code feedAddress}: the calendar feed's
     * new link, shown once right after it was made (null otherwise); {@code feedErrors}: the feed form's errors;
     * {@code feed}: null when plan-service could not say whether it is on; {@code outcomes}: the patient's
     * questionnaire scores, null when plan-service could not give them.
     */
    record ProgressPage(Adherence adherence, CalendarView calendar, PainChart pain, List<Plan> plans, String timeZone,
                        List<String> timeZones, List<PatientLanguage.Choice> languages, Map<String, String> errors,
                        CalendarFeed feed, FeedAddress feedAddress, Map<String, String> feedErrors,
                        List<Outcome> outcomes)
            implements TemplateInstance {
    }

    @GET
    @Path("progress")
    public TemplateInstance progress() {
        return page(Map.of(), null, Map.of());
    }

    /** The language of the patient's pages, kept by plan-service: every device they sign in on follows it. */
    @POST
    @Path("progress/language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeLanguage(MultivaluedMap<String, String> form) {
        FormInput in = FormInput.of(form);
        String chosen = in.text("language");
        if (!PatientLanguage.OFFERED.contains(chosen)) {
            in.error("language", language.messages().languageUnknown());
        }
        if (in.send(() -> plan.changeMyLanguage(chosen), FieldTarget::same)) {
            language.chosen(chosen);
            return Response.seeOther(URI.create("/progress")).build();
        }
        return Response.status(400).entity(page(in.errors(), null, Map.of())).build();
    }

    /**
     * Turns the calendar feed on, or gives it a new link (the old one stops): the page shows the new link
     * this once, as plan-service keeps only its hash.
     */
    @POST
    @Path("progress/calendar-feed")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response turnOnCalendarFeed(MultivaluedMap<String, String> form, @Context UriInfo uri) {
        FormInput in = FormInput.of(form);
        String startsAt = in.optional("startsAt");
        AtomicReference<CalendarFeedLink> link = new AtomicReference<>();
        if (in.send(() -> link.set(plan.turnOnMyCalendarFeed(startsAt)), FieldTarget::same)) {
            return Response.ok(page(Map.of(), FeedAddress.of(uri.getBaseUri(), link.get().token()), Map.of())).build();
        }
        return Response.status(Response.Status.BAD_REQUEST).entity(page(Map.of(), null, in.errors())).build();
    }

    @POST
    @Path("progress/calendar-feed/off")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response turnOffCalendarFeed() {
        plan.turnOffMyCalendarFeed();
        return Response.seeOther(URI.create("/progress#feed-title")).build();
    }

    private ProgressPage page(Map<String, String> errors, FeedAddress feedAddress, Map<String, String> feedErrors) {
        LocalDate to = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        Adherence adherence = plan.myAdherence(to.minusDays(config.historyDays()), to);
        List<Plan> plans = plan.myPlans();
        Patient me = language.patientRecord();
        return new ProgressPage(adherence, CalendarView.of(adherence), PainChart.of(adherence.pain()), plans,
                me.timeZone(), timeZones.offeredFor(me.timeZone()), PatientLanguage.choices(), errors,
                calendarFeedOrNull(), feedAddress, feedErrors, outcomesOrNull());
    }

    /** The feed's state, or null when plan-service cannot say: the rest of the page still shows. */
    private CalendarFeed calendarFeedOrNull() {
        try {
            return plan.myCalendarFeed();
        } catch (ServiceException e) {
            return null;
        }
    }

    /** The patient's questionnaire scores, or null when plan-service cannot give them: the rest still shows. */
    private List<Outcome> outcomesOrNull() {
        try {
            return questionnaires.outcomes();
        } catch (ServiceException e) {
            return null;
        }
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

    /** The patient's own record as a FHIR R4 Bundle, for another system (their doctor's, an app). */
    @GET
    @Path("progress/fhir.json")
    @Produces(MediaType.WILDCARD)
    public Response fhir() {
        return downloads.planFile(Downloads.MY_FHIR, "spinewise-my-record-fhir-" + LocalDate.now(ZoneOffset.UTC) + ".json");
    }
}

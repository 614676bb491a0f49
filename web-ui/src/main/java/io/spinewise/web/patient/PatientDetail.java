package io.spinewise.web.patient;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.Downloads;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.PlanOutcomes;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.Adherence;
import io.spinewise.web.client.model.Patient;
import io.spinewise.web.client.model.Plan;
import io.spinewise.web.config.WebConfig;
import io.spinewise.web.page.CalendarView;
import io.spinewise.web.page.DateRange;
import io.spinewise.web.page.PainChart;
import io.spinewise.web.page.TimeZones;
import io.spinewise.web.reminders.RecentReminders;
import io.spinewise.web.security.CurrentUser;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Duration;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * One patient's page for the chiropractor: figures over a period, calendar, pain chart, plans, time zone, and the
 * remote-monitoring counts ({@link RemoteMonitoring}) and the questionnaires ({@link Questionnaires}).
 */
@Path("/patients")
@RolesAllowed(Roles.CHIROPRACTOR)
@Produces(MediaType.TEXT_HTML)
public class PatientDetail {

    @Inject
    PlanClient plan;

    @Inject
    PlanOutcomes outcomes;

    @Inject
    TimeZones timeZones;

    @Inject
    WebConfig config;

    @Inject
    CurrentUser user;

    @Inject
    Downloads downloads;

    /** How far back the page lists the patient's reminders, to set beside adherence. */
    static final Duration REMINDERS_SHOWN = Duration.ofDays(14);

    /**
     * {@code from}/{@code to}: the period shown; {@code range}: the fields as typed, with their errors;
     * {@code reminders}: those of the last 14 days; {@code rtm}: the "Remote monitoring" section; {@code questionnaires}: the "Questionnaires" section.
     */
    record PatientPage(Patient patient, List<Plan> plans, Adherence adherence, CalendarView calendar, PainChart pain,
                       LocalDate from, LocalDate to, DateRange range, List<String> timeZones,
                       RecentReminders reminders, RemoteMonitoringSection rtm,
                       QuestionnairesSection questionnaires) implements TemplateInstance {
    }

    /**
     * The patient's figures over a period: {@code spinewise.web.history-days} up to tomorrow unless chosen. Dates that
     * cannot be used answer 400 with the reason by the field, and the default period is shown.
     */
    @GET
    @Path("{id}")
    public Response patient(@PathParam("id") UUID id, @QueryParam("from") String fromText,
                            @QueryParam("to") String toText) {
        Patient patient = plan.patient(id).orElseThrow(NotFoundException::new);
        return page(patient, fromText, toText, rtm(id), 200);
    }

    /** The page with the given "Remote monitoring" section; 400 instead of {@code status} when the dates are unusable. */
    Response page(Patient patient, String fromText, String toText, RemoteMonitoringSection rtm, int status) {
        return page(patient, fromText, toText, rtm, questionnaires(patient), status);
    }

    /** The page with the given "Remote monitoring" and "Questionnaires" sections. */
    Response page(Patient patient, String fromText, String toText, RemoteMonitoringSection rtm,
                  QuestionnairesSection questionnaires, int status) {
        DateRange range = patientRange(fromText, toText);
        DateRange shown = range.valid() ? range : patientRange(null, null);
        LocalDate from = shown.from().value();
        LocalDate to = shown.to().value();
        Adherence adherence = plan.adherence(patient.id(), from, to);
        List<Plan> plans = plan.plans(patient.id());
        return Response.status(range.valid() ? status : 400).entity(new PatientPage(patient, plans, adherence,
                CalendarView.of(adherence), PainChart.of(adherence.pain()), from, to, range,
                timeZones.offeredFor(patient.timeZone()), reminders(patient), rtm, questionnaires)).build();
    }

    /** The patient's remote-monitoring counts and logged time; a failure to read them leaves the rest of the page. */
    RemoteMonitoringSection rtm(UUID patientId) {
        try {
            return RemoteMonitoringSection.of(plan.rtm(patientId), plan.rtmTime(patientId), user.subject());
        } catch (ServiceException e) {
            return RemoteMonitoringSection.unavailable();
        }
    }

    /** The patient's questionnaires and scores; a failure to read them leaves the rest of the page. */
    QuestionnairesSection questionnaires(Patient patient) {
        try {
            return QuestionnairesSection.of(outcomes.instruments(), outcomes.assessments(patient.id()),
                    outcomes.outcomes(patient.id()), today(patient));
        } catch (ServiceException e) {
            return QuestionnairesSection.unavailable();
        }
    }

    /** The patient's date, which a questionnaire's start date is in. */
    private static LocalDate today(Patient patient) {
        try {
            return LocalDate.now(patient.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(patient.timeZone()));
        } catch (DateTimeException e) {
            return LocalDate.now(ZoneOffset.UTC);
        }
    }

    /** The patient's reminders of the last 14 days (at most 100); a failure to read them leaves the page. */
    private RecentReminders reminders(Patient patient) {
        try {
            return RecentReminders.of(plan.patientReminders(patient.id(), 100), patient.timeZone(),
                    Instant.now().minus(REMINDERS_SHOWN));
        } catch (ServiceException e) {
            return RecentReminders.unavailable();
        }
    }

    private DateRange patientRange(String fromText, String toText) {
        return DateRange.read(fromText, toText, LocalDate.now(ZoneOffset.UTC).plusDays(1), config.historyDays());
    }

    /** A patient who moved, or a zone entered wrongly at enrolment: plan-service checks the zone. */
    @POST
    @Path("{id}/time-zone")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeTimeZone(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        String zone = form.getFirst("timeZone");
        plan.changeTimeZone(id, zone == null ? "" : zone.strip());
        return Response.seeOther(URI.create("/patients/" + id)).build();
    }

    /** The patient's record as a FHIR R4 Bundle, for the clinic's EHR; who may have it: as plan-service's call. */
    @GET
    @Path("{id}/fhir.json")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    public Response fhir(@PathParam("id") UUID id) {
        return downloads.planFile(Downloads.PATIENT_FHIR.replace("{id}", id.toString()), "patient-" + id + "-fhir.json");
    }
}

package io.spinewise.web.client;

import io.spinewise.web.client.model.AcknowledgementRequest;
import io.spinewise.web.client.model.Assessment;
import io.spinewise.web.client.model.AssessmentRequest;
import io.spinewise.web.client.model.Adherence;
import io.spinewise.web.client.model.AssessmentAnswers;
import io.spinewise.web.client.model.AssessmentResponse;
import io.spinewise.web.client.model.AttentionRow;
import io.spinewise.web.client.model.AuditEvent;
import io.spinewise.web.client.model.CalendarFeed;
import io.spinewise.web.client.model.CalendarFeedLink;
import io.spinewise.web.client.model.CalendarFeedRequest;
import io.spinewise.web.client.model.CheckOff;
import io.spinewise.web.client.model.CheckOffRequest;
import io.spinewise.web.client.model.Chiropractor;
import io.spinewise.web.client.model.ClinicReminderDefault;
import io.spinewise.web.client.model.ClinicSettings;
import io.spinewise.web.client.model.DashboardPage;
import io.spinewise.web.client.model.DueAssessment;
import io.spinewise.web.client.model.Enrolment;
import io.spinewise.web.client.model.EnrolmentRequest;
import io.spinewise.web.client.model.Instrument;
import io.spinewise.web.client.model.ListPage;
import io.spinewise.web.client.model.MePatch;
import io.spinewise.web.client.model.Outcome;
import io.spinewise.web.client.model.Patient;
import io.spinewise.web.client.model.PatientPatch;
import io.spinewise.web.client.model.Plan;
import io.spinewise.web.client.model.PlanPatch;
import io.spinewise.web.client.model.PlanRequest;
import io.spinewise.web.client.model.PlanVersion;
import io.spinewise.web.client.model.PushAvailability;
import io.spinewise.web.client.model.PushDevice;
import io.spinewise.web.client.model.PushSubscriptionRequest;
import io.spinewise.web.client.model.ReminderPreferences;
import io.spinewise.web.client.model.ReminderPreferencesRequest;
import io.spinewise.web.client.model.Rtm;
import io.spinewise.web.client.model.RtmReport;
import io.spinewise.web.client.model.RtmTimeEntry;
import io.spinewise.web.client.model.RtmTimeRequest;
import io.spinewise.web.client.model.SentReminder;
import io.spinewise.web.client.model.Today;
import io.spinewise.web.security.AccessTokenForwarding;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * plan-service's API (docs/api/, docs/architecture.md), called with the signed-in user's access token. Downloads
 * (CSV, PDF, own-data export) do not go through here but through {@link Downloads}, which streams.
 */
@RegisterRestClient(configKey = "plan")
@RegisterClientHeaders(AccessTokenForwarding.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PlanApi {

    // --- the patient's own data ---

    @GET
    @Path("/me")
    Patient me();

    @PATCH
    @Path("/me")
    Patient changeMe(MePatch patch);

    @GET
    @Path("/me/today")
    Today today();

    @POST
    @Path("/me/sessions")
    CheckOff checkOff(@HeaderParam("Idempotency-Key") String idempotencyKey, CheckOffRequest request);

    @DELETE
    @Path("/me/sessions/{id}")
    void undoCheckOff(@PathParam("id") UUID id);

    // --- the patient's questionnaires (docs/outcomes.md) ---

    @GET
    @Path("/me/assessments/due")
    List<DueAssessment> myDueAssessments();

    @POST
    @Path("/me/assessments/{id}/responses")
    AssessmentResponse answerAssessment(@PathParam("id") UUID assignmentId,
                                        @HeaderParam("Idempotency-Key") String idempotencyKey, AssessmentAnswers answers);

    @GET
    @Path("/me/outcomes")
    List<Outcome> myOutcomes();

    /** {@code days}: whether to include the figures of each day (a calendar needs them). */
    @GET
    @Path("/me/adherence")
    Adherence myAdherence(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                          @QueryParam("days") boolean days);

    @GET
    @Path("/me/plans")
    List<Plan> myPlans();

    @GET
    @Path("/me/calendar-feed")
    CalendarFeed myCalendarFeed();

    @PUT
    @Path("/me/calendar-feed")
    CalendarFeedLink turnOnMyCalendarFeed(CalendarFeedRequest request);

    @DELETE
    @Path("/me/calendar-feed")
    CalendarFeed turnOffMyCalendarFeed();

    @GET
    @Path("/me/reminders")
    ReminderPreferences myReminders();

    @PUT
    @Path("/me/reminders")
    ReminderPreferences setMyReminders(ReminderPreferencesRequest request);

    @DELETE
    @Path("/me/reminders")
    void resetMyReminders();

    @GET
    @Path("/me/push-subscriptions/public-key")
    PushAvailability pushAvailability();

    @GET
    @Path("/me/push-subscriptions")
    List<PushDevice> myPushDevices();

    @POST
    @Path("/me/push-subscriptions")
    void addMyPushDevice(PushSubscriptionRequest request);

    @DELETE
    @Path("/me/push-subscriptions")
    void removeMyPushDevice(@QueryParam("id") UUID id, @QueryParam("endpoint") String endpoint);

    @GET
    @Path("/me/reminders/sent")
    ListPage<SentReminder> mySentReminders(@QueryParam("page") Integer page, @QueryParam("size") Integer size);

    // --- the clinic's patients ---

    @GET
    @Path("/attention")
    ListPage<AttentionRow> attention(@QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @POST
    @Path("/patients/{id}/attention-acknowledgements")
    AttentionRow.Acknowledged acknowledgeAttention(@PathParam("id") UUID id, AcknowledgementRequest request);

    @GET
    @Path("/dashboard")
    DashboardPage dashboard(@QueryParam("q") String q, @QueryParam("page") Integer page,
                            @QueryParam("size") Integer size, @QueryParam("after") String after,
                            @QueryParam("before") String before);

    @GET
    @Path("/patients")
    ListPage<Patient> patients(@QueryParam("q") String q, @QueryParam("page") Integer page,
                               @QueryParam("size") Integer size);

    @POST
    @Path("/patients")
    Enrolment enrol(EnrolmentRequest request);

    @GET
    @Path("/patients/{id}")
    Patient patient(@PathParam("id") UUID id);

    @PATCH
    @Path("/patients/{id}")
    Patient changePatient(@PathParam("id") UUID id, PatientPatch patch);

    @GET
    @Path("/patients/{id}/plans")
    List<Plan> plans(@PathParam("id") UUID patientId);

    @POST
    @Path("/patients/{id}/plans")
    Plan prescribe(@PathParam("id") UUID patientId, PlanRequest request);

    @PATCH
    @Path("/plans/{id}")
    Plan changePlan(@PathParam("id") UUID planId, PlanPatch patch);

    @GET
    @Path("/plans/{id}/versions")
    List<PlanVersion> versions(@PathParam("id") UUID planId);

    /** {@code days}: whether to include the figures of each day (a calendar needs them). */
    @GET
    @Path("/patients/{id}/adherence")
    Adherence adherence(@PathParam("id") UUID patientId, @QueryParam("from") LocalDate from,
                        @QueryParam("to") LocalDate to, @QueryParam("days") boolean days);

    @GET
    @Path("/patients/{id}/reminders")
    ListPage<SentReminder> patientReminders(@PathParam("id") UUID patientId, @QueryParam("page") Integer page,
                                            @QueryParam("size") Integer size);

    @GET
    @Path("/patients/{id}/rtm")
    Rtm rtm(@PathParam("id") UUID patientId);

    @GET
    @Path("/patients/{id}/rtm/time")
    List<RtmTimeEntry> rtmTime(@PathParam("id") UUID patientId);

    @POST
    @Path("/patients/{id}/rtm/time")
    RtmTimeEntry logRtmTime(@PathParam("id") UUID patientId, RtmTimeRequest request);

    @DELETE
    @Path("/patients/{id}/rtm/time/{entryId}")
    void deleteRtmTime(@PathParam("id") UUID patientId, @PathParam("entryId") UUID entryId);

    // --- outcome questionnaires (staff) ---

    @GET
    @Path("/instruments")
    List<Instrument> instruments();

    @GET
    @Path("/patients/{id}/assessments")
    List<Assessment> assessments(@PathParam("id") UUID patientId);

    @POST
    @Path("/patients/{id}/assessments")
    Assessment assignAssessment(@PathParam("id") UUID patientId, AssessmentRequest request);

    @DELETE
    @Path("/patients/{id}/assessments/{assignment}")
    void stopAssessment(@PathParam("id") UUID patientId, @PathParam("assignment") UUID assignment);

    @GET
    @Path("/patients/{id}/outcomes")
    List<Outcome> outcomes(@PathParam("id") UUID patientId);

    @GET
    @Path("/reports/rtm")
    RtmReport rtmReport(@QueryParam("month") String month);

    // --- clinic administration ---

    @GET
    @Path("/clinic/reminder-default")
    ClinicReminderDefault clinicReminderDefault();

    @PUT
    @Path("/clinic/reminder-default")
    ClinicReminderDefault setClinicReminderDefault(ClinicReminderDefault reminders);

    @GET
    @Path("/clinic/push-availability")
    PushAvailability clinicPushAvailability();

    @GET
    @Path("/clinic/settings")
    ClinicSettings clinicSettings();

    @PUT
    @Path("/clinic/settings")
    ClinicSettings changeClinicSettings(ClinicSettings settings);

    @GET
    @Path("/clinic/chiropractors")
    List<Chiropractor> chiropractors();

    @GET
    @Path("/audit")
    ListPage<AuditEvent> audit(@QueryParam("patient") UUID patient, @QueryParam("from") LocalDate from,
                   @QueryParam("to") LocalDate to, @QueryParam("page") Integer page, @QueryParam("size") Integer size);
}

package io.spinewise.web.client;

import io.spinewise.web.client.model.AcknowledgementRequest;
import io.spinewise.web.client.model.Adherence;
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
import io.spinewise.web.client.model.Enrolment;
import io.spinewise.web.client.model.EnrolmentRequest;
import io.spinewise.web.client.model.ListPage;
import io.spinewise.web.client.model.MePatch;
import io.spinewise.web.client.model.Patient;
import io.spinewise.web.client.model.PatientPatch;
import io.spinewise.web.client.model.Plan;
import io.spinewise.web.client.model.PlanPatch;
import io.spinewise.web.client.model.PlanRequest;
import io.spinewise.web.client.model.PlanStatus;
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
import io.spinewise.web.config.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** plan-service as the pages see it: every failure is a {@link ServiceException}. */
@ApplicationScoped
public class PlanClient {

    @Inject
    @RestClient
    PlanApi api;

    @Inject
    ServiceCalls calls;

    @Inject
    WebConfig config;

    /** Rows on a page of the dashboard and of the audit log. */
    public int pageSize() {
        return config.pageSize();
    }

    public Today today() {
        return calls.call(Service.PLAN, api::today);
    }

    public CheckOff checkOff(String idempotencyKey, CheckOffRequest request) {
        return calls.call(Service.PLAN, () -> api.checkOff(idempotencyKey, request));
    }

    public void undoCheckOff(UUID id) {
        calls.run(Service.PLAN, () -> api.undoCheckOff(id));
    }

    /** The patient's own figures with one entry per day (the calendar's cells): plan-service sends days only when asked. */
    public Adherence myAdherence(LocalDate from, LocalDate to) {
        return calls.call(Service.PLAN, () -> api.myAdherence(from, to, true));
    }

    public List<Plan> myPlans() {
        return calls.call(Service.PLAN, api::myPlans);
    }

    public CalendarFeed myCalendarFeed() {
        return calls.call(Service.PLAN, api::myCalendarFeed);
    }

    /** Turns the patient's calendar feed on or gives it a new link; {@code startsAt} (HH:mm) null keeps the time. */
    public CalendarFeedLink turnOnMyCalendarFeed(String startsAt) {
        return calls.call(Service.PLAN, () -> api.turnOnMyCalendarFeed(new CalendarFeedRequest(startsAt)));
    }

    public CalendarFeed turnOffMyCalendarFeed() {
        return calls.call(Service.PLAN, api::turnOffMyCalendarFeed);
    }

    public ReminderPreferences myReminders() {
        return calls.call(Service.PLAN, api::myReminders);
    }

    public ReminderPreferences setMyReminders(ReminderPreferencesRequest request) {
        return calls.call(Service.PLAN, () -> api.setMyReminders(request));
    }

    /** Forgets the patient's own choice of reminders: the clinic's default applies again. */
    public void resetMyReminders() {
        calls.run(Service.PLAN, api::resetMyReminders);
    }

    public PushAvailability pushAvailability() {
        return calls.call(Service.PLAN, api::pushAvailability);
    }

    /** The patient's browsers that receive reminders by Web Push, oldest first. */
    public List<PushDevice> myPushDevices() {
        return calls.call(Service.PLAN, api::myPushDevices);
    }

    /** Adds (or, for a browser known already, keeps) one of the patient's browsers. */
    public void addMyPushDevice(PushSubscriptionRequest request) {
        calls.run(Service.PLAN, () -> api.addMyPushDevice(request));
    }

    /** Removes one of the patient's browsers, by its id or its endpoint (another patient's: nothing changes). */
    public void removeMyPushDevice(UUID id, String endpoint) {
        calls.run(Service.PLAN, () -> api.removeMyPushDevice(id, endpoint));
    }

    /** The patient's most recent planned reminders, newest first (at most {@code size}). */
    public List<SentReminder> mySentReminders(int size) {
        return calls.call(Service.PLAN, () -> api.mySentReminders(0, size)).itemsOrEmpty();
    }

    /** A patient's most recent planned reminders, newest first (at most {@code size}). */
    public List<SentReminder> patientReminders(UUID patientId, int size) {
        return calls.call(Service.PLAN, () -> api.patientReminders(patientId, 0, size)).itemsOrEmpty();
    }

    public Rtm rtm(UUID patientId) {
        return calls.call(Service.PLAN, () -> api.rtm(patientId));
    }

    public List<RtmTimeEntry> rtmTime(UUID patientId) {
        return calls.call(Service.PLAN, () -> api.rtmTime(patientId));
    }

    public RtmTimeEntry logRtmTime(UUID patientId, RtmTimeRequest request) {
        return calls.call(Service.PLAN, () -> api.logRtmTime(patientId, request));
    }

    public void deleteRtmTime(UUID patientId, UUID entryId) {
        calls.run(Service.PLAN, () -> api.deleteRtmTime(patientId, entryId));
    }

    /** {@code month} as YYYY-MM. */
    public RtmReport rtmReport(String month) {
        return calls.call(Service.PLAN, () -> api.rtmReport(month));
    }

    public ClinicReminderDefault clinicReminderDefault() {
        return calls.call(Service.PLAN, api::clinicReminderDefault);
    }

    public ClinicReminderDefault setClinicReminderDefault(ClinicReminderDefault reminders) {
        return calls.call(Service.PLAN, () -> api.setClinicReminderDefault(reminders));
    }

    /** Whether plan-service sends Web Push, asked by the clinic's administrator (for the default's form). */
    public PushAvailability clinicPushAvailability() {
        return calls.call(Service.PLAN, api::clinicPushAvailability);
    }

    /**
     * The highest page plan-service answers (service-common's {@code PageRequest.MAX_PAGE}: its
     * row offset, page × size, must fit an int); it refuses a higher one with 400.
     */
    static final int MAX_SERVICE_PAGE = Integer.MAX_VALUE / 100;

    /** One page (from 0) of the clinic's patients who need attention, most urgent first. */
    public ListPage<AttentionRow> attention(int page) {
        return calls.call(Service.PLAN, () -> api.attention(bounded(page), config.pageSize()));
    }

    public AttentionRow.Acknowledged acknowledgeAttention(UUID patientId, AcknowledgementRequest request) {
        return calls.call(Service.PLAN, () -> api.acknowledgeAttention(patientId, request));
    }

    /**
     * One page (from 0) of the clinic's dashboard: the one after position {@code after} or before {@code before}
     * (a previous answer's next or previous; blank for none), else the page by number.
     */
    public DashboardPage dashboard(String q, int page, String after, String before) {
        return calls.call(Service.PLAN, () -> api.dashboard(blankToNull(q), bounded(page), config.pageSize(),
                blankToNull(after), blankToNull(before)));
    }

    public ListPage<Patient> patients(String q, int page, int size) {
        return calls.call(Service.PLAN, () -> api.patients(blankToNull(q), page, size));
    }

    public Enrolment enrol(EnrolmentRequest request) {
        return calls.call(Service.PLAN, () -> api.enrol(request));
    }

    public Optional<Patient> patient(UUID id) {
        try {
            return Optional.of(calls.call(Service.PLAN, () -> api.patient(id)));
        } catch (ServiceException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public List<Plan> plans(UUID patientId) {
        return calls.call(Service.PLAN, () -> api.plans(patientId));
    }

    public Plan prescribe(UUID patientId, PlanRequest request) {
        return calls.call(Service.PLAN, () -> api.prescribe(patientId, request));
    }

    public Patient me() {
        return calls.call(Service.PLAN, api::me);
    }

    public Patient changeMyTimeZone(String timeZone) {
        return calls.call(Service.PLAN, () -> api.changeMe(MePatch.timeZone(timeZone)));
    }

    /** The language of the patient's own pages: en, de, fr or es. */
    public Patient changeMyLanguage(String language) {
        return calls.call(Service.PLAN, () -> api.changeMe(MePatch.language(language)));
    }

    public Patient changeTimeZone(UUID patientId, String timeZone) {
        return calls.call(Service.PLAN, () -> api.changePatient(patientId, new PatientPatch(timeZone)));
    }

    public Plan changeStatus(UUID planId, PlanStatus status) {
        return calls.call(Service.PLAN, () -> api.changePlan(planId, PlanPatch.status(status)));
    }

    /** A new version of the plan (title, items, schedule), in force from the patient's today. */
    public Plan edit(UUID planId, PlanRequest changed) {
        return calls.call(Service.PLAN, () -> api.changePlan(planId, PlanPatch.edit(changed)));
    }

    public List<PlanVersion> versions(UUID planId) {
        return calls.call(Service.PLAN, () -> api.versions(planId));
    }

    /** A patient's figures with one entry per day (the calendar's cells): plan-service sends days only when asked. */
    public Adherence adherence(UUID patientId, LocalDate from, LocalDate to) {
        return calls.call(Service.PLAN, () -> api.adherence(patientId, from, to, true));
    }

    public ClinicSettings clinicSettings() {
        return calls.call(Service.PLAN, api::clinicSettings);
    }

    public ClinicSettings changeClinicSettings(ClinicSettings settings) {
        return calls.call(Service.PLAN, () -> api.changeClinicSettings(settings));
    }

    /** The clinic's prescribers, for the adherence report's chiropractor filter. */
    public List<Chiropractor> chiropractors() {
        List<Chiropractor> list = calls.call(Service.PLAN, api::chiropractors);
        return list == null ? List.of() : list;
    }

    /** One page (from 0) of audit events, newest first; {@code patient}, {@code from}, {@code to} may be null. */
    public ListPage<AuditEvent> audit(UUID patient, LocalDate from, LocalDate to, int page) {
        return calls.call(Service.PLAN, () -> api.audit(patient, from, to, bounded(page), config.pageSize()));
    }

    /**
     * A page number far beyond any clinic's list (an edited link) is capped to the highest page
     * plan-service answers: it still answers an empty page with the true total, so the page can
     * say how many pages there are instead of failing.
     */
    private static int bounded(int page) {
        return Math.min(Math.max(0, page), MAX_SERVICE_PAGE);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

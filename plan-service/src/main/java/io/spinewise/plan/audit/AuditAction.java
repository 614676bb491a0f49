package io.spinewise.plan.audit;

/**
 * The actions of the audit log, the one list: what {@link Audited} names on each endpoint and what the
 * statements that write their own record (a check-off, its undo) store.
 */
public final class AuditAction {

    public static final String ME_READ = "me.read";
    public static final String ME_UPDATE = "me.update";
    public static final String ME_TODAY = "me.today";
    public static final String CALENDAR_FEED_READ = "me.calendar-feed.read";
    public static final String CALENDAR_FEED_TURN_ON = "me.calendar-feed.turn-on";
    public static final String CALENDAR_FEED_TURN_OFF = "me.calendar-feed.turn-off";
    public static final String REMINDERS_READ = "me.reminders.read";
    public static final String REMINDERS_CHANGE = "me.reminders.change";
    public static final String REMINDERS_RESET = "me.reminders.reset";
    public static final String REMINDERS_SENT_READ = "me.reminders.sent";
    public static final String PUSH_PUBLIC_KEY_READ = "push.public-key.read";
    public static final String PUSH_SUBSCRIPTIONS_READ = "me.push-subscriptions.read";
    public static final String PUSH_SUBSCRIBE = "me.push-subscriptions.add";
    public static final String PUSH_UNSUBSCRIBE = "me.push-subscriptions.remove";
    public static final String PATIENT_REMINDERS_READ = "patient.reminders.read";
    public static final String CLINIC_REMINDER_DEFAULT_READ = "clinic.reminder-default.read";
    public static final String CLINIC_REMINDER_DEFAULT_CHANGE = "clinic.reminder-default.change";
    public static final String CLINIC_PUSH_AVAILABILITY_READ = "clinic.push-availability.read";
    public static final String CHECKOFF_CREATE = "checkoff.create";
    public static final String CHECKOFF_UNDO = "checkoff.undo";
    public static final String ADHERENCE_READ = "adherence.read";
    public static final String PATIENT_LIST = "patient.list";
    public static final String PATIENT_ENROL = "patient.enrol";
    public static final String PATIENT_READ = "patient.read";
    public static final String PATIENT_UPDATE = "patient.update";
    public static final String PATIENT_EXPORT = "patient.export";
    public static final String PLAN_LIST = "plan.list";
    public static final String PLAN_CREATE = "plan.create";
    public static final String PLAN_READ = "plan.read";
    public static final String PLAN_VERSIONS = "plan.versions";
    public static final String PLAN_CHANGE = "plan.change";
    public static final String DASHBOARD_READ = "dashboard.read";
    public static final String ATTENTION_READ = "attention.read";
    public static final String ATTENTION_ACKNOWLEDGE = "attention.acknowledge";
    public static final String CLINIC_SETTINGS_READ = "clinic.settings.read";
    public static final String CLINIC_SETTINGS_CHANGE = "clinic.settings.change";
    public static final String CLINIC_CHIROPRACTORS_READ = "clinic.chiropractors.read";
    public static final String REPORT_ADHERENCE_CSV = "report.adherence.csv";
    public static final String REPORT_PATIENT_PDF = "report.patient.pdf";
    public static final String FHIR_PATIENT = "fhir.patient";
    public static final String FHIR_ME = "fhir.me";
    public static final String FHIR_BULK = "fhir.bulk";
    public static final String RTM_READ = "patient.rtm.read";
    public static final String RTM_TIME_LIST = "patient.rtm.time.list";
    public static final String RTM_TIME_LOG = "patient.rtm.time.log";
    public static final String RTM_TIME_DELETE = "patient.rtm.time.delete";
    public static final String REPORT_RTM = "report.rtm";
    public static final String REPORT_RTM_CSV = "report.rtm.csv";
    public static final String AUDIT_READ = "audit.read";
    public static final String AUDIT_VERIFY = "audit.verify";
    // the retention's drop of whole months, a record in each clinic's chain (V17__audit_partitioning.sql)
    public static final String AUDIT_RETENTION_DROP = "audit.retention.drop";
    // chain 0's record of the other chains' heads, once an interval (V25__audit_chain_checkpoint.sql)
    public static final String AUDIT_CHECKPOINT = "audit.checkpoint";
    // outcome questionnaires (docs/outcomes.md)
    public static final String INSTRUMENT_LIST = "instrument.list";
    public static final String INSTRUMENT_READ = "instrument.read";
    public static final String ASSESSMENT_ASSIGN = "assessment.assign";
    public static final String ASSESSMENT_LIST = "assessment.list";
    public static final String ASSESSMENT_STOP = "assessment.stop";
    public static final String OUTCOMES_READ = "outcomes.read";
    public static final String ME_ASSESSMENTS_DUE = "me.assessments.due";
    public static final String ME_ASSESSMENT_ANSWER = "me.assessments.answer";
    public static final String ME_OUTCOMES_READ = "me.outcomes.read";
    public static final String REPORT_OUTCOMES_CSV = "report.outcomes.csv";
    // a clinic's licensed instrument texts (docs/outcomes.md, "A clinic's licensed text")
    public static final String INSTRUMENT_TEXT_READ = "clinic.instrument-text.read";
    public static final String INSTRUMENT_TEXT_PUT = "clinic.instrument-text.put";
    public static final String INSTRUMENT_TEXT_REMOVE = "clinic.instrument-text.remove";
    // a patient's erasure (docs/data-protection.md): "erasure requested", then "patient erased"; never the name
    public static final String PATIENT_ERASE = "patient.erase";
    // the retention of check-offs and reminders (RetentionJob): how many of which, dated before when, per clinic
    public static final String RETENTION_DELETE = "retention.delete";

    private AuditAction() {
    }
}

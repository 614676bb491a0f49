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
    public static final String CLINIC_SETTINGS_READ = "clinic.settings.read";
    public static final String CLINIC_SETTINGS_CHANGE = "clinic.settings.change";
    public static final String CLINIC_CHIROPRACTORS_READ = "clinic.chiropractors.read";
    public static final String REPORT_ADHERENCE_CSV = "report.adherence.csv";
    public static final String REPORT_PATIENT_PDF = "report.patient.pdf";
    public static final String AUDIT_READ = "audit.read";
    public static final String AUDIT_VERIFY = "audit.verify";

    private AuditAction() {
    }
}

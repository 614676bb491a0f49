package io.spinewise.plan.service;

import io.spinewise.plan.api.AdherenceView;
import io.spinewise.plan.api.AssessmentResponseView;
import io.spinewise.plan.api.AssessmentView;
import io.spinewise.plan.api.AttentionRow;
import io.spinewise.plan.api.CalendarFeedView;
import io.spinewise.plan.api.CheckOffView;
import io.spinewise.plan.api.PlanVersionView;
import io.spinewise.plan.api.ReminderPreferencesView;
import io.spinewise.plan.api.RtmTimeEntryView;
import io.spinewise.plan.api.SentReminderView;
import io.spinewise.plan.api.Views;
import io.spinewise.plan.data.Assessments;
import io.spinewise.plan.data.CheckOffs;
import io.spinewise.plan.data.Reminders;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.domain.PlanPause;
import io.spinewise.plan.domain.PlanStatus;
import io.spinewise.plan.outcomes.ItemAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything plan-service holds about one patient, for the patient's own download (GDPR Art. 15 and 20;
 * docs/data-protection.md). {@code ExportCompletenessTest} fails when a table with a {@code patient_id} column is
 * neither in it nor named there as left out, with the reason.
 */
@ApplicationScoped
public class ExportService {

    @Inject
    PlanService plans;

    @Inject
    CheckOffs checkOffs;

    @Inject
    AdherenceService adherence;

    @Inject
    Today today;

    @Inject
    AssessmentService assessments;

    @Inject
    Assessments answers;

    @Inject
    QuestionnaireAnswers questionnaires;

    @Inject
    ReminderPreferences reminderPreferences;

    @Inject
    Reminders reminders;

    @Inject
    PushSubscriptionService push;

    @Inject
    CalendarFeedService calendarFeed;

    @Inject
    RtmService rtm;

    @Inject
    AttentionService attention;

    /** The whole download. */
    public record Export(Instant exportedAt, Profile patient, List<PlanExport> plans, List<CheckOffView> checkOffs,
                         AdherenceView adherence,
                         @Schema(description = "The questionnaires assigned to me") List<AssessmentView> assessments,
                         @Schema(description = "My answers to them, with their scores") List<ResponseExport> responses,
                         @Schema(description = "My reminders as they are in force") ReminderPreferencesView reminders,
                         @Schema(description = "Every reminder planned for me and what became of it, newest first")
                         List<SentReminderView> remindersSent,
                         @Schema(description = "My browsers that receive push reminders: the push service's host only")
                         List<PushDevice> pushDevices,
                         @Schema(description = "Whether my calendar feed is on (its link is not repeated here)")
                         CalendarFeedView calendarFeed,
                         @Schema(description = "Remote-monitoring time my clinicians logged about me, with their notes")
                         List<RtmTimeEntryView> remoteMonitoringTime,
                         @Schema(description = "When my clinicians took a reason I needed attention in hand, with"
                                 + " their notes") List<AttentionRow.Acknowledged> attentionAcknowledgements) {
    }

    /**
     * A browser that receives my push reminders. Only the push service's host: the full endpoint URL and the keys
     * are the credential to send to it, not data about me.
     */
    public record PushDevice(String host, @Schema(nullable = true) String userAgent, Instant createdAt,
                             @Schema(nullable = true) Instant lastSuccessAt) {
    }

    /** An answered questionnaire with the answers as given. */
    public record ResponseExport(AssessmentResponseView response, List<ItemAnswer> answers) {
    }

    public record Profile(UUID id, String clinicId, String firstName, String lastName,
                          @Schema(nullable = true) String email, @Schema(nullable = true) String username,
                          String timeZone, @Schema(nullable = true) String language, Instant createdAt) {
    }

    public record PlanExport(UUID id, String title, PlanStatus status, @Schema(nullable = true) LocalDate completedOn,
                             Instant createdAt,
                             List<PlanVersionView> versions, List<Pause> pauses) {
    }

    public record Pause(LocalDate from, @Schema(nullable = true) LocalDate until) {
    }

    public Export of(Patient p) {
        List<PlanExport> planExports = plans.ofPatient(p.id).stream().map(c -> {
            List<PlanVersionView> versions = plans.versions(c.plan().id).stream().map(Views::version).toList();
            List<Pause> pauses = plans.pauses(List.of(c.plan().id)).stream()
                    .map((PlanPause x) -> new Pause(x.pausedFrom, x.pausedUntil)).toList();
            return new PlanExport(c.plan().id, c.plan().title, c.plan().status, c.plan().completedOn,
                    c.plan().createdAt, versions, pauses);
        }).toList();
        return new Export(today.now(), new Profile(p.id, p.clinicId, p.firstName, p.lastName, p.email, p.username,
                p.timeZone, p.language, p.createdAt), planExports, checkOffs.all(p.id),
                adherence.evaluate(p, null, null, null, false), assessments.ofPatient(p),
                answers.responsesOf(p.id).stream().map(r -> new ResponseExport(QuestionnaireAnswers.view(r),
                        questionnaires.read(r.answers()))).toList(),
                reminderPreferences.view(p), reminders.ofPatient(p.id, Integer.MAX_VALUE, 0),
                push.of(p).stream().map(d -> new PushDevice(URI.create(d.endpoint()).getHost(), d.userAgent(),
                        d.createdAt(), d.lastSuccessAt())).toList(),
                calendarFeed.status(p), rtm.entries(p), attention.acknowledgementsOf(p));
    }
}

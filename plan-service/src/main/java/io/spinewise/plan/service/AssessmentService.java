package io.spinewise.plan.service;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.plan.api.AssessmentRequest;
import io.spinewise.plan.api.AssessmentView;
import io.spinewise.plan.data.Assessments;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.outcomes.Cadence;
import io.spinewise.plan.outcomes.Instrument;
import io.spinewise.plan.outcomes.Instruments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The chiropractor's side of questionnaires: assigning an instrument with a cadence, listing a patient's
 * assignments with what is due and missed, stopping one. Runs inside the caller's audited transaction.
 */
@ApplicationScoped
public class AssessmentService {

    /** How far back a start date may lie: the first visit of the week. */
    static final int START_DAYS_BACK = 7;
    static final int START_DAYS_AHEAD = 365;

    @Inject
    Assessments assessments;

    @Inject
    Today today;

    @Inject
    LicensedTexts licensed;

    /** Assigns the instrument; 400 for an unknown one or a start out of range, 409 when not assignable. */
    public AssessmentView assign(Patient patient, String by, AssessmentRequest request) {
        Instrument instrument = Instruments.byCode(request.instrument()).orElseThrow(() -> ProblemException
                .invalid("instrument", "is not an instrument of the library (GET /api/instruments)"));
        licensed.whyNotAssignable(patient.clinicId, instrument).ifPresent(reason -> {
            throw ProblemException.conflict(reason);
        });
        LocalDate localToday = today.in(patient.zone());
        LocalDate start = request.startDate() == null ? localToday : request.startDate();
        if (start.isBefore(localToday.minusDays(START_DAYS_BACK))
                || start.isAfter(localToday.plusDays(START_DAYS_AHEAD))) {
            throw ProblemException.invalid("startDate", "must be at most " + START_DAYS_BACK + " days back and "
                    + START_DAYS_AHEAD + " days ahead of the patient's today (" + localToday + ")");
        }
        UUID id = UUID.randomUUID();
        if (!assessments.assign(id, patient.id, patient.clinicId, instrument.code(), start, request.everyWeeks(), by,
                today.now())) {
            throw ProblemException.conflict("This patient already has " + instrument.code()
                    + " assigned; stop that assignment first to change its cadence.");
        }
        return ofPatient(patient).stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    /** The patient's assignments, oldest first, each with what is due today and what was missed. */
    public List<AssessmentView> ofPatient(Patient patient) {
        LocalDate localToday = today.in(patient.zone());
        List<Assessments.Response> responses = assessments.responsesOf(patient.id);
        return assessments.ofPatient(patient.id).stream().map(a -> view(a, title(patient.clinicId, a),
                answered(responses, a.id()), localToday)).toList();
    }

    /** Stops a running assignment from the patient's today; 404 when the patient has no running one of this id. */
    public void stop(Patient patient, UUID assignmentId) {
        if (!assessments.stop(patient.id, assignmentId, today.in(patient.zone()))) {
            throw ProblemException.notFound("This patient has no running questionnaire " + assignmentId + ".");
        }
    }

    static Set<LocalDate> answered(List<Assessments.Response> responses, UUID assignmentId) {
        return responses.stream().filter(r -> r.assignmentId().equals(assignmentId))
                .map(Assessments.Response::dueDate).collect(Collectors.toSet());
    }

    static Cadence cadence(Assessments.Assignment a) {
        return new Cadence(a.startDate(), a.everyWeeks(), a.stoppedOn());
    }

    private String title(String clinicId, Assessments.Assignment a) {
        return Instruments.byCode(a.instrument()).map(i -> licensed.definition(clinicId, i).title())
                .orElse(a.instrument());
    }

    private static AssessmentView view(Assessments.Assignment a, String title, Set<LocalDate> answered,
                                       LocalDate localToday) {
        Cadence cadence = cadence(a);
        return new AssessmentView(a.id(), a.instrument(), title, a.startDate(), a.everyWeeks(), a.active(),
                a.stoppedOn(), cadence.current(localToday, answered), cadence.next(localToday), answered.size(),
                cadence.missed(localToday, answered), a.createdAt());
    }
}

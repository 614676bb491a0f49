package io.spinewise.plan.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spinewise.common.problem.Problem;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.problem.ProblemType;
import io.spinewise.plan.api.AssessmentResponseRequest;
import io.spinewise.plan.api.AssessmentResponseView;
import io.spinewise.plan.api.DueAssessmentView;
import io.spinewise.plan.data.Assessments;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.outcomes.Definition;
import io.spinewise.plan.outcomes.Instrument;
import io.spinewise.plan.outcomes.Instruments;
import io.spinewise.plan.outcomes.ItemAnswer;
import io.spinewise.plan.outcomes.Psfs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The patient's side of questionnaires: what is due today, and answering it once. A retry with the same
 * Idempotency-Key answers the first response again; the same key with other answers is a 422; a second answer
 * to the same occasion with a new key is a 409. Runs inside the caller's audited transaction.
 */
@ApplicationScoped
public class QuestionnaireAnswers {

    /** The audit target of an answer: followed by the response's id. */
    public static final String TARGET = "assessment-response ";

    private static final TypeReference<List<ItemAnswer>> ANSWERS = new TypeReference<>() {
    };

    @Inject
    Assessments assessments;

    @Inject
    Today today;

    @Inject
    ObjectMapper json;

    @Inject
    LicensedTexts licensed;

    /** An answer stored now, or the one a retry replays. */
    public record Outcome(AssessmentResponseView view, boolean replayed) {
    }

    /** The questionnaires due today for the patient, oldest assignment first. */
    public List<DueAssessmentView> due(Patient patient) {
        LocalDate localToday = today.in(patient.zone());
        List<Assessments.Response> responses = assessments.responsesOf(patient.id);
        return assessments.ofPatient(patient.id).stream().filter(Assessments.Assignment::active).flatMap(a -> {
            LocalDate due = AssessmentService.cadence(a).current(localToday,
                    AssessmentService.answered(responses, a.id()));
            Optional<Instrument> instrument = Instruments.byCode(a.instrument());
            if (due == null || instrument.isEmpty()) {
                return Stream.empty();
            }
            Definition d = licensed.definition(patient.clinicId, instrument.get());
            return Stream.of(new DueAssessmentView(a.id(), d.code(), d.title(), due,
                    due.isBefore(localToday), "en", d.instructions(), d.items(), previousActivities(responses, a)));
        }).toList();
    }

    /** Stores the patient's answers to the occasion due now, or replays the first answer of this key. */
    public Outcome answer(Patient patient, UUID assignmentId, String key, AssessmentResponseRequest request) {
        Assessments.Assignment assignment = assessments.ofPatient(patient.id).stream()
                .filter(a -> a.id().equals(assignmentId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("You have no questionnaire " + assignmentId + "."));
        String hash = hash(assignmentId, request);
        Optional<Outcome> replay = replay(patient, key, hash);
        if (replay.isPresent()) {
            return replay.get();
        }
        LocalDate localToday = today.in(patient.zone());
        List<Assessments.Response> responses = assessments.responsesOf(patient.id);
        Set<LocalDate> answered = AssessmentService.answered(responses, assignmentId);
        if (answered.contains(request.dueDate())) {
            throw ProblemException.conflict("The questionnaire due " + request.dueDate() + " is answered already.");
        }
        LocalDate due = AssessmentService.cadence(assignment).current(localToday, answered);
        if (!request.dueDate().equals(due)) {
            throw ProblemException.invalid("dueDate", due == null ? "nothing of this questionnaire is due now"
                    : "must be the occasion due now, " + due);
        }
        Instrument instrument = Instruments.byCode(assignment.instrument()).orElseThrow();
        List<Problem.Violation> violations = instrument.check(request.answers());
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("Some answers cannot be scored: " + violations.get(0).field()
                    + " " + violations.get(0).message() + ".", violations));
        }
        boolean stored = assessments.answer(new Assessments.NewResponse(assignmentId, patient.id, patient.clinicId,
                instrument.code(), due, today.now(), localToday, write(request.answers()),
                instrument.score(request.answers()), key, hash));
        if (!stored) {
            // a concurrent request with this key or for this occasion got there first
            return replay(patient, key, hash).orElseThrow(() -> ProblemException.conflict("The questionnaire due "
                    + due + " is answered already."));
        }
        return new Outcome(view(assessments.ofOccasion(assignmentId, due).orElseThrow()), false);
    }

    public static AssessmentResponseView view(Assessments.Response r) {
        return new AssessmentResponseView(r.id(), r.assignmentId(), r.instrument(), r.dueDate(), r.answeredAt(),
                r.answeredOn().isAfter(r.dueDate()), r.score());
    }

    private Optional<Outcome> replay(Patient patient, String key, String hash) {
        return assessments.byKey(patient.id, key).map(earlier -> {
            if (!earlier.requestHash().equals(hash)) {
                throw new ProblemException(ProblemType.UNPROCESSABLE, "This Idempotency-Key was already used for"
                        + " other answers; send a new key for a new response.");
            }
            return new Outcome(view(earlier), true);
        });
    }

    private List<String> previousActivities(List<Assessments.Response> responses, Assessments.Assignment a) {
        if (!Psfs.CODE.equals(a.instrument())) {
            return List.of();
        }
        return responses.stream().filter(r -> Psfs.CODE.equals(r.instrument()))
                .max(Comparator.comparing(Assessments.Response::answeredAt))
                .map(r -> read(r.answers()).stream().map(ItemAnswer::activity).filter(Objects::nonNull).toList())
                .orElse(List.of());
    }

    /** The stored answers as given. */
    public List<ItemAnswer> read(String answers) {
        try {
            return json.readValue(answers, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answers unreadable", e);
        }
    }

    private String write(List<ItemAnswer> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request's fingerprint: SHA-256 of the assignment and the canonical JSON of the request. */
    private String hash(UUID assignmentId, AssessmentResponseRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((assignmentId + "\n"
                    + json.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

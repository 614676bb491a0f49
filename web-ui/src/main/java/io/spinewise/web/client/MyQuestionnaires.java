package io.spinewise.web.client;

import io.spinewise.web.client.model.AssessmentAnswers;
import io.spinewise.web.client.model.AssessmentResponse;
import io.spinewise.web.client.model.DueAssessment;
import io.spinewise.web.client.model.Outcome;
import io.spinewise.web.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.UUID;

/** The signed-in patient's questionnaires at plan-service: what is due, answering one, their scores. */
@ApplicationScoped
public class MyQuestionnaires {

    @Inject
    @RestClient
    PlanApi api;

    @Inject
    ServiceCalls calls;

    @Inject
    CurrentUser user;

    @Inject
    DueQuestionnairesKept kept;

    /** What is due now, asked of plan-service (the answering page: a questionnaire just assigned is found). */
    public List<DueAssessment> due() {
        List<DueAssessment> due = calls.call(Service.PLAN, api::myDueAssessments);
        kept.keep(user.subject(), due);
        return due;
    }

    /** What is due, as Today lists it: this patient's list when read a moment ago ({@link DueQuestionnairesKept}). */
    public List<DueAssessment> dueKept() {
        return kept.of(user.subject()).orElseGet(this::due);
    }

    /** Sends the answers with {@code idempotencyKey}: a second send with the same key is not counted twice. */
    public AssessmentResponse answer(UUID assignmentId, String idempotencyKey, AssessmentAnswers answers) {
        try {
            return calls.call(Service.PLAN, () -> api.answerAssessment(assignmentId, idempotencyKey, answers));
        } finally {
            // whatever the answer: a refusal ("answered already") may mean the list has changed too
            kept.forget(user.subject());
        }
    }

    public List<Outcome> outcomes() {
        return calls.call(Service.PLAN, api::myOutcomes);
    }
}

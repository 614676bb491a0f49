package io.spinewise.web.client;

import io.spinewise.web.client.model.AssessmentAnswers;
import io.spinewise.web.client.model.AssessmentResponse;
import io.spinewise.web.client.model.DueAssessment;
import io.spinewise.web.client.model.Outcome;
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

    public List<DueAssessment> due() {
        return calls.call(Service.PLAN, api::myDueAssessments);
    }

    /** Sends the answers with {@code idempotencyKey}: a second send with the same key is not counted twice. */
    public AssessmentResponse answer(UUID assignmentId, String idempotencyKey, AssessmentAnswers answers) {
        return calls.call(Service.PLAN, () -> api.answerAssessment(assignmentId, idempotencyKey, answers));
    }

    public List<Outcome> outcomes() {
        return calls.call(Service.PLAN, api::myOutcomes);
    }
}

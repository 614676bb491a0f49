package io.spinewise.web.client;

import io.spinewise.web.client.model.Assessment;
import io.spinewise.web.client.model.AssessmentRequest;
import io.spinewise.web.client.model.Instrument;
import io.spinewise.web.client.model.InstrumentText;
import io.spinewise.web.client.model.InstrumentTextRequest;
import io.spinewise.web.client.model.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * plan-service's outcome questionnaires as the staff pages see them (docs/outcomes.md): the instrument library, a
 * patient's assignments and their scores, and the clinic's licensed texts. Every failure is a {@link ServiceException}, as in {@link PlanClient}.
 */
@ApplicationScoped
public class PlanOutcomes {

    @Inject
    @RestClient
    PlanApi api;

    @Inject
    @RestClient
    LicensedTextApi texts;

    @Inject
    ServiceCalls calls;

    public List<Instrument> instruments() {
        return calls.call(Service.PLAN, api::instruments);
    }

    /** Oldest first, running and stopped. */
    public List<Assessment> assessments(UUID patientId) {
        return calls.call(Service.PLAN, () -> api.assessments(patientId));
    }

    public Assessment assign(UUID patientId, AssessmentRequest request) {
        return calls.call(Service.PLAN, () -> api.assignAssessment(patientId, request));
    }

    public void stop(UUID patientId, UUID assignment) {
        calls.run(Service.PLAN, () -> api.stopAssessment(patientId, assignment));
    }

    public List<Outcome> outcomes(UUID patientId) {
        return calls.call(Service.PLAN, () -> api.outcomes(patientId));
    }

    /** The clinic's licensed text of the instrument in use; empty when it has none. */
    public Optional<InstrumentText> licensedText(String code) {
        try {
            return Optional.of(calls.call(Service.PLAN, () -> texts.text(code)));
        } catch (ServiceException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public InstrumentText enterLicensedText(String code, InstrumentTextRequest request) {
        return calls.call(Service.PLAN, () -> texts.putText(code, request));
    }

    public void removeLicensedText(String code) {
        calls.run(Service.PLAN, () -> texts.removeText(code));
    }
}

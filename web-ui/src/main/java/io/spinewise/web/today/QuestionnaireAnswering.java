package io.spinewise.web.today;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.MyQuestionnaires;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.DueAssessment;
import io.spinewise.web.form.FieldTarget;
import io.spinewise.web.language.PatientLanguage;
import io.spinewise.web.language.PatientMessages;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A due questionnaire answered on the phone: all its items on one page, posted to plan-service with the
 * Idempotency-Key the page was rendered with, refusals shown by the item, then back to Today with thanks.
 */
@Path("/")
@RolesAllowed(Roles.PATIENT)
@Produces(MediaType.TEXT_HTML)
public class QuestionnaireAnswering {

    /** The query Today reads to say "Thank you, saved". */
    static final String SAVED = "/today?saved=questionnaire";

    @Inject
    MyQuestionnaires questionnaires;

    @Inject
    PatientLanguage language;

    record AnswerPage(QuestionnaireView form) implements TemplateInstance {
    }

    @GET
    @Path("today/questionnaires/{id}")
    public TemplateInstance questionnaire(@PathParam("id") UUID assignmentId) {
        DueAssessment due = dueOrNull(assignmentId).orElseThrow(NotFoundException::new);
        return page(due, Map.of(), null, Map.of(), null);
    }

    @POST
    @Path("today/questionnaires/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") UUID assignmentId, MultivaluedMap<String, String> form) {
        PatientMessages words = language.messages();
        QuestionnaireForm in = QuestionnaireForm.read(form, words);
        if (in.input().send(() -> questionnaires.answer(assignmentId, in.idempotencyKey, in.request()),
                FieldTarget::same)) {
            return Response.seeOther(URI.create(SAVED)).build();
        }
        String sentence = in.input().refusal().map(r -> refusal(r, words)).orElse(words.checkAnswers());
        Optional<DueAssessment> due = dueOrNull(assignmentId);
        if (due.isEmpty()) {
            // answered meanwhile (another tab) or no longer due: nothing to fill in again
            return Response.status(409).entity(new AnswerPage(null)).build();
        }
        int status = in.input().refusal().map(ServiceException::status).orElse(400);
        return Response.status(status)
                .entity(page(due.get(), in.entered, in.idempotencyKey, in.input().errors(), sentence)).build();
    }

    private AnswerPage page(DueAssessment due, Map<String, String> entered, String key, Map<String, String> errors,
                            String message) {
        return new AnswerPage(QuestionnaireView.of(due, entered, key, language.messages().htmlLang(), errors,
                message));
    }

    private Optional<DueAssessment> dueOrNull(UUID assignmentId) {
        return questionnaires.due().stream().filter(d -> d.assignmentId().equals(assignmentId)).findFirst();
    }

    /** plan-service's refusal in the patient's words, known by status (never by the service's wording). */
    private static String refusal(ServiceException refusal, PatientMessages words) {
        return switch (refusal.status()) {
            case 409 -> words.questionnaireAnsweredAlready();
            case 404, 422 -> words.formOutOfDate();
            default -> refusal.violations().isEmpty() ? refusal.readableMessage() : words.checkAnswers();
        };
    }
}

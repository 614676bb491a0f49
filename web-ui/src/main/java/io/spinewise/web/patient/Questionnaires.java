package io.spinewise.web.patient;

import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.PlanOutcomes;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.AssessmentRequest;
import io.spinewise.web.client.model.Patient;
import io.spinewise.web.form.FieldTarget;
import io.spinewise.web.form.FormInput;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The patient page's "Questionnaires" section's forms (docs/outcomes.md): assign an instrument of the library, once
 * or every few weeks from a start date, and stop a running one. plan-service decides; its refusals (an instrument
 * that needs a licence, or one already running, are a 409 naming no field) are shown by the instrument field.
 */
@Path("/patients")
@RolesAllowed(Roles.CHIROPRACTOR)
@Produces(MediaType.TEXT_HTML)
public class Questionnaires {

    static final int MAX_WEEKS = 26;

    @Inject
    PlanClient plan;

    @Inject
    PlanOutcomes outcomes;

    @Inject
    PatientDetail detail;

    @POST
    @Path("{id}/assessments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("id") UUID id, MultivaluedMap<String, String> values) {
        FormInput in = FormInput.of(values);
        String instrument = in.text("instrument");
        if (instrument.isEmpty()) {
            in.error("instrument", "Choose a questionnaire.");
        }
        LocalDate start = in.date("startDate");
        boolean repeats = "weeks".equals(in.text("cadence"));
        Integer weeks = repeats ? in.number("everyWeeks", 1, MAX_WEEKS) : null;
        if (repeats && in.text("everyWeeks").isEmpty()) {
            in.error("everyWeeks", "Enter every how many weeks, 1 to " + MAX_WEEKS + ".");
        }
        if (in.send(() -> outcomes.assign(id, new AssessmentRequest(instrument, start, weeks)), FieldTarget::same)) {
            return Response.seeOther(URI.create("/patients/" + id + "#questionnaires-title")).build();
        }
        // a refusal naming no field (409: licence required, already running) is about the instrument chosen
        in.refusal().filter(r -> r.violations().isEmpty()).ifPresent(r -> in.error("instrument", r.readableMessage()));
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("instrument", instrument);
        typed.put("startDate", in.text("startDate"));
        typed.put("cadence", repeats ? "weeks" : "once");
        typed.put("everyWeeks", in.text("everyWeeks"));
        String sentence = "The questionnaire was not assigned: please correct the marked fields.";
        int status = in.refusal().map(ServiceException::status).orElse(400);
        Patient patient = plan.patient(id).orElseThrow(NotFoundException::new);
        return detail.page(patient, null, null, detail.rtm(id),
                detail.questionnaires(patient).refused(typed, in.errors(), sentence), status);
    }

    /** The stop button of a running questionnaire: nothing of it is due from the patient's today on. */
    @POST
    @Path("{id}/assessments/{assignment}/stop")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response stop(@PathParam("id") UUID id, @PathParam("assignment") UUID assignment) {
        outcomes.stop(id, assignment);
        return Response.seeOther(URI.create("/patients/" + id + "#questionnaires-title")).build();
    }
}

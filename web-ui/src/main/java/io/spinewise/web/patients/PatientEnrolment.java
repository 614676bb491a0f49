package io.spinewise.web.patients;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.Enrolment;
import io.spinewise.web.client.model.EnrolmentRequest;
import io.spinewise.web.form.FieldTarget;
import io.spinewise.web.form.FormInput;
import io.spinewise.web.page.TimeZones;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Enrolling a patient: the form, and the one-time login shown once. */
@Path("/patients")
@RolesAllowed(Roles.CHIROPRACTOR)
@Produces(MediaType.TEXT_HTML)
public class PatientEnrolment {

    /**
     * What a chiropractor is told when enrolment finds the email address taken: the same for an
     * address of their own clinic, of another clinic or of staff, and without saying that an
     * account exists, which would tell one clinic about another's patients (docs/architecture.md).
     */
    private static final String EMAIL_NOT_USABLE = "This email address cannot be used for a new login. Ask the patient for"
            + " another address, or contact support if they should already have one.";

    @Inject
    PlanClient plan;

    @Inject
    TimeZones timeZones;

    record EnrolPage(EnrolmentRequest entered, Map<String, String> errors, String message, List<String> timeZones)
            implements TemplateInstance {
    }

    record CredentialsPage(Enrolment enrolment) implements TemplateInstance {
    }

    @GET
    @Path("new")
    public TemplateInstance enrolForm() {
        return new EnrolPage(new EnrolmentRequest("", "", "", timeZones.enrolmentChoice()), Map.of(), null,
                timeZones.usual());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enrol(MultivaluedMap<String, String> form) {
        FormInput input = FormInput.of(form);
        EnrolmentRequest request = new EnrolmentRequest(input.text("firstName"), input.text("lastName"),
                input.text("email"), input.text("timeZone"));
        if (request.firstName().isEmpty()) {
            input.error("firstName", "Enter the first name.");
        }
        if (request.lastName().isEmpty()) {
            input.error("lastName", "Enter the last name.");
        }
        if (!request.email().matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            input.error("email", "Enter an email address such as name@example.org.");
        }
        if (!input.valid()) {
            return page(400, request, input, "Please correct the marked fields.");
        }
        try {
            Enrolment enrolment = plan.enrol(request);
            // rendered directly, never redirected: the password must not travel in a URL or be shown twice
            return Response.ok(new CredentialsPage(enrolment)).build();
        } catch (ServiceException e) {
            // caught here rather than sent through the form's send(): an unavailable login directory keeps the form
            input.refused(e, FieldTarget::same);
            if (e.status() == 409) {
                // the address is taken: web-ui's own neutral sentence, by the email field and as the message,
                // whatever plan-service's detail says, so no wording can tell whose account holds it
                input.errors().put("email", EMAIL_NOT_USABLE);
                return page(409, request, input, EMAIL_NOT_USABLE);
            }
            // plan-service's own words when it answered (e.g. Keycloak down: nothing saved, try again),
            // with what was typed kept, so that trying again is one click
            String message = e.status() > 0 && e.problem() != null && e.problem().detail() != null
                    ? e.problem().detail() : e.readableMessage();
            return page(e.unavailable() ? 503 : 400, request, input, message);
        }
    }

    private Response page(int status, EnrolmentRequest entered, FormInput input, String message) {
        return Response.status(status).entity(new EnrolPage(entered, input.errors(), message, timeZones.usual()))
                .build();
    }
}

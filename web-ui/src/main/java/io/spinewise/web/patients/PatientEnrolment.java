package io.spinewise.web.patients;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.Enrolment;
import io.spinewise.web.client.model.EnrolmentRequest;
import io.spinewise.web.page.FieldErrors;
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

import java.util.LinkedHashMap;
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

    record EnrolPage(EnrolmentRequest entered, Map<String, String> errors, String message, List<String> timeZones)
            implements TemplateInstance {
    }

    record CredentialsPage(Enrolment enrolment) implements TemplateInstance {
    }

    @GET
    @Path("new")
    public TemplateInstance enrolForm() {
        return new EnrolPage(new EnrolmentRequest("", "", "", "Europe/Zurich"), Map.of(), null, TimeZones.COMMON);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enrol(MultivaluedMap<String, String> form) {
        EnrolmentRequest request = new EnrolmentRequest(text(form, "firstName"), text(form, "lastName"),
                text(form, "email"), text(form, "timeZone"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (request.firstName().isEmpty()) {
            errors.put("firstName", "Enter the first name.");
        }
        if (request.lastName().isEmpty()) {
            errors.put("lastName", "Enter the last name.");
        }
        if (!request.email().matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            errors.put("email", "Enter an email address such as name@example.org.");
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(new EnrolPage(request, errors, "Please correct the marked fields.", TimeZones.COMMON)).build();
        }
        try {
            Enrolment enrolment = plan.enrol(request);
            // rendered directly, never redirected: the password must not travel in a URL or be shown twice
            return Response.ok(new CredentialsPage(enrolment)).build();
        } catch (ServiceException e) {
            FieldErrors.put(e, errors, FieldErrors::enrolmentField);
            if (e.status() == 409) {
                // the address is taken: web-ui's own neutral sentence, by the email field and as the message,
                // whatever plan-service's detail says, so no wording can tell whose account holds it
                errors.put("email", EMAIL_NOT_USABLE);
            }
            // plan-service's own words when it answered (e.g. Keycloak down: nothing saved, try again),
            // with what was typed kept, so that trying again is one click
            String message = e.status() == 409 ? EMAIL_NOT_USABLE
                    : e.status() > 0 && e.problem() != null && e.problem().detail() != null
                    ? e.problem().detail() : e.readableMessage();
            int status = e.unavailable() ? 503 : e.status() == 409 ? 409 : 400;
            return Response.status(status).entity(new EnrolPage(request, errors, message, TimeZones.COMMON)).build();
        }
    }

    private static String text(MultivaluedMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null ? "" : value.strip();
    }
}

package io.spinewise.web.erasure;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.PatientErasureApi;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.Service;
import io.spinewise.web.client.ServiceCalls;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.ListPage;
import io.spinewise.web.client.model.Patient;
import io.spinewise.web.form.FormInput;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The clinic administrator's erasure of a patient (docs/data-protection.md): find the patient by name or email, read
 * what is removed and what is kept, tick the confirmation and erase. A login that could not be removed leaves the
 * patient marked; the page says so and offers to finish.
 */
@Path("/admin")
@RolesAllowed(Roles.CLINIC_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class PatientErasurePage {

    /** Patients listed for one search; more means "type more of the name". */
    static final int CHOICES = 10;
    static final String CONFIRM = "confirm";

    @Inject
    PlanClient plan;

    @Inject
    @RestClient
    PatientErasureApi erasures;

    @Inject
    ServiceCalls calls;

    /**
     * @param find    the search as typed
     * @param found   the patients it found (none before a search)
     * @param notice  what the search found in words, or null before a search
     * @param message what the last erasure did, or null
     * @param problem why the last erasure did not finish, or null
     * @param unconfirmed the patient whose confirmation box was left unticked, or null
     * @param errors  what is wrong with the form ({@value #CONFIRM})
     */
    record ErasurePage(String find, List<Patient> found, String notice, String message, String problem,
                       UUID unconfirmed, Map<String, String> errors) implements TemplateInstance {
    }

    @GET
    @Path("erasure")
    public TemplateInstance page(@QueryParam("find") String find, @QueryParam("done") String done) {
        String message = "erased".equals(done) ? "Erased. The patient's login is removed and they appear as"
                + " “Erased patient” in lists, reports and the audit log; their figures stay in the clinic's totals."
                : null;
        return search(find, message, null, null, Map.of());
    }

    @POST
    @Path("erasure/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@PathParam("id") String idText, MultivaluedMap<String, String> values) {
        UUID id = patientId(idText);
        FormInput in = FormInput.of(values);
        String find = in.text("find");
        if (!"yes".equals(in.text(CONFIRM))) {
            in.error(CONFIRM, "Tick the box to confirm that this patient is to be erased for good.");
            return Response.status(400).entity(search(find, null, "Nothing was erased.", id, in.errors())).build();
        }
        try {
            calls.call(Service.PLAN, () -> erasures.erase(id));
        } catch (ServiceException e) {
            if (!e.unavailable() && !e.notFound()) {
                throw e;
            }
            // plan-service's own sentence says the patient stays marked and to erase again
            String why = e.problem() != null && e.problem().detail() != null ? e.problem().detail()
                    : e.readableMessage();
            return Response.status(e.unavailable() ? 503 : 404).entity(search(find, null, why, null, Map.of())).build();
        }
        return Response.seeOther(UriBuilder.fromPath("/admin/erasure").queryParam("done", "erased").build()).build();
    }

    private ErasurePage search(String findText, String message, String problem, UUID unconfirmed,
                               Map<String, String> errors) {
        String find = findText == null ? "" : findText.strip();
        if (find.isEmpty()) {
            return new ErasurePage("", List.of(), null, message, problem, unconfirmed, errors);
        }
        ListPage<Patient> page = plan.patients(find, 0, CHOICES);
        List<Patient> found = page.itemsOrEmpty();
        String notice = found.isEmpty() ? "No patient name or email contains “" + find + "”."
                : page.total() > found.size() ? page.total() + " patients match “" + find + "”; the first "
                        + found.size() + " are listed. Type more of the name to narrow the search."
                : found.size() == 1 ? "One patient matches “" + find + "”."
                : found.size() + " patients match “" + find + "”.";
        return new ErasurePage(find, found, notice, message, problem, unconfirmed, errors);
    }

    private static UUID patientId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}

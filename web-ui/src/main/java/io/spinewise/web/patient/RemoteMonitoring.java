package io.spinewise.web.patient;

import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.Patient;
import io.spinewise.web.client.model.RtmTimeRequest;
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
 * The patient page's "Remote monitoring" section (docs/rtm.md): plan-service's counts beside the form that logs
 * treatment-management time, and the deletion of one's own entries. Spinewise counts; the clinic decides what to
 * bill. A refused form shows the patient page again with the typed values and the reasons by field.
 */
@Path("/patients")
@RolesAllowed(Roles.CHIROPRACTOR)
@Produces(MediaType.TEXT_HTML)
public class RemoteMonitoring {

    static final String NOTE_MAX = "500";

    @Inject
    PlanClient plan;

    @Inject
    PatientDetail detail;

    @POST
    @Path("{id}/rtm/time")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response log(@PathParam("id") UUID id, MultivaluedMap<String, String> values) {
        FormInput in = FormInput.of(values);
        Integer minutes = in.number("minutes", 1, 240);
        if (in.text("minutes").isEmpty()) {
            in.error("minutes", "Enter the minutes spent, 1 to 240.");
        }
        LocalDate date = in.date("date");
        if (in.text("date").isEmpty()) {
            in.error("date", "Enter the day the time was spent.");
        }
        boolean interactive = !in.text("interactive").isEmpty();
        String note = in.optional("note");
        if (note != null && note.length() > Integer.parseInt(NOTE_MAX)) {
            in.error("note", "Keep the note to " + NOTE_MAX + " characters.");
        }
        if (in.send(() -> plan.logRtmTime(id, new RtmTimeRequest(minutes, date, interactive, note)),
                FieldTarget::same)) {
            return Response.seeOther(URI.create("/patients/" + id + "#rtm-title")).build();
        }
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("minutes", in.text("minutes"));
        typed.put("date", in.text("date"));
        typed.put("interactive", interactive ? "on" : "");
        typed.put("note", in.text("note"));
        String sentence = in.refusal().map(ServiceException::readableMessage)
                .orElse("The time was not logged: please correct the marked fields.");
        Patient patient = plan.patient(id).orElseThrow(NotFoundException::new);
        return detail.page(patient, null, null, detail.rtm(id).refused(typed, in.errors(), sentence), 400);
    }

    /** Only the entry's own clinician may delete it; plan-service refuses anyone else's. */
    @POST
    @Path("{id}/rtm/time/{entryId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") UUID id, @PathParam("entryId") UUID entryId) {
        plan.deleteRtmTime(id, entryId);
        return Response.seeOther(URI.create("/patients/" + id + "#rtm-title")).build();
    }
}

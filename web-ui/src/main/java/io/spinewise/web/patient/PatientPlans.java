package io.spinewise.web.patient;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.model.Patient;
import io.spinewise.web.client.model.Plan;
import io.spinewise.web.client.model.PlanStatus;
import io.spinewise.web.client.model.PlanVersion;
import io.spinewise.web.client.model.Term;
import io.spinewise.web.page.ExerciseCard;
import io.spinewise.web.page.ExerciseCards;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A patient's plans on the patient page: pause, resume and complete, the version history, the printed handout. */
@Path("/patients")
@RolesAllowed(Roles.CHIROPRACTOR)
@Produces(MediaType.TEXT_HTML)
public class PatientPlans {

    @Inject
    PlanClient plan;

    @Inject
    ExerciseCards exerciseCards;

    record PlanHistory(List<PlanVersion> versions) implements TemplateInstance {
    }

    record Handout(Patient patient, Plan plan, List<ExerciseCard> cards) implements TemplateInstance {
    }

    /** A status the patient page offers to put a plan in, with its button's words and style. */
    public record StatusChange(PlanStatus to, String verb, String style) {
    }

    /** The patient page's buttons for a plan: pause an active plan, resume a paused one, complete any not completed. */
    @TemplateExtension
    static List<StatusChange> statusChanges(Plan plan) {
        List<StatusChange> changes = new ArrayList<>();
        if (plan.active()) {
            changes.add(new StatusChange(PlanStatus.PAUSED, "Pause", "secondary"));
        }
        if (plan.paused()) {
            changes.add(new StatusChange(PlanStatus.ACTIVE, "Resume", ""));
        }
        if (!plan.completed()) {
            changes.add(new StatusChange(PlanStatus.COMPLETED, "Complete", "secondary outline"));
        }
        return changes;
    }

    @POST
    @Path("{id}/plans/{planId}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeStatus(@PathParam("id") UUID id, @PathParam("planId") UUID planId,
                                 MultivaluedMap<String, String> form) {
        PlanStatus status = Term.parse(PlanStatus.class, form.getFirst("status"), null);
        if (status == null) {
            throw new BadRequestException();
        }
        plan.changeStatus(planId, status);
        return Response.seeOther(URI.create("/patients/" + id)).build();
    }

    @GET
    @Path("{id}/plans/{planId}/history")
    public TemplateInstance history(@PathParam("id") UUID id, @PathParam("planId") UUID planId) {
        return new PlanHistory(plan.versions(planId));
    }

    @GET
    @Path("{id}/plans/{planId}/handout")
    public TemplateInstance handout(@PathParam("id") UUID id, @PathParam("planId") UUID planId) {
        Patient patient = plan.patient(id).orElseThrow(NotFoundException::new);
        Plan chosen = plan.plans(id).stream().filter(p -> p.id().equals(planId)).findFirst()
                .orElseThrow(NotFoundException::new);
        return new Handout(patient, chosen, exerciseCards.cards("pv-", chosen.itemsOrEmpty()));
    }
}

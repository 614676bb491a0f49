package io.spinewise.web.client;

import io.spinewise.web.client.model.Patient;
import io.spinewise.web.security.AccessTokenForwarding;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * plan-service's erasure of a patient, for the clinic administrator's erasure page; beside {@link PlanApi} (same
 * service, same token) so that neither grows past a page.
 */
@RegisterRestClient(configKey = "plan")
@RegisterClientHeaders(AccessTokenForwarding.class)
@Path("/api/patients")
@Produces(MediaType.APPLICATION_JSON)
public interface PatientErasureApi {

    /** The erased patient; a 503 problem when the login could not be removed (the patient then stays marked). */
    @POST
    @Path("/{id}/erasure")
    Patient erase(@PathParam("id") UUID id);
}

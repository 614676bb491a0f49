package io.spinewise.web.client;

import io.spinewise.web.client.model.InstrumentText;
import io.spinewise.web.client.model.InstrumentTextRequest;
import io.spinewise.web.security.AccessTokenForwarding;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * plan-service's licensed instrument texts (docs/outcomes.md), for the clinic administrator's page; beside
 * {@link PlanApi} (same service, same token) so that neither grows past a page.
 */
@RegisterRestClient(configKey = "plan")
@RegisterClientHeaders(AccessTokenForwarding.class)
@Path("/api/clinic/instruments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface LicensedTextApi {

    @GET
    @Path("/{code}/text")
    InstrumentText text(@PathParam("code") String code);

    @PUT
    @Path("/{code}/text")
    InstrumentText putText(@PathParam("code") String code, InstrumentTextRequest request);

    @DELETE
    @Path("/{code}/text")
    void removeText(@PathParam("code") String code);
}

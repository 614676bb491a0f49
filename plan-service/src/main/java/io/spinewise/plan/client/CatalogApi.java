package io.spinewise.plan.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The two catalog-service reads plan-service needs, called with the caller's own token. */
@RegisterRestClient(configKey = "catalog")
@RegisterClientHeaders(CallerTokenForwarding.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    @GET
    @Path("/exercises/{slug}")
    CatalogExercise exercise(@PathParam("slug") String slug);

    @GET
    @Path("/routines/{slug}")
    CatalogRoutine routine(@PathParam("slug") String slug);
}

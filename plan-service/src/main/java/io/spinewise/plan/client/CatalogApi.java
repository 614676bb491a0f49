package io.spinewise.plan.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** The two catalog-service reads plan-service needs, called with the caller's own token. */
@RegisterRestClient(configKey = "catalog")
@RegisterClientHeaders(CallerTokenForwarding.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    /** Several exercises in one request ({@code ?slug=a&slug=b}); slugs the caller may not see are absent. */
    @GET
    @Path("/exercises")
    CatalogExercises exercises(@QueryParam("slug") List<String> slugs);

    @GET
    @Path("/routines/{slug}")
    CatalogRoutine routine(@PathParam("slug") String slug);
}

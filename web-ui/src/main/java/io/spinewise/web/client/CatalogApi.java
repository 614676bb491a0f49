package io.spinewise.web.client;

import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.ExerciseRequest;
import io.spinewise.web.client.model.ExerciseTranslation;
import io.spinewise.web.client.model.ListPage;
import io.spinewise.web.client.model.Routine;
import io.spinewise.web.client.model.RoutineRequest;
import io.spinewise.web.client.model.TranslationRequest;
import io.spinewise.web.security.AccessTokenForwarding;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** catalog-service's API (docs/api/, docs/architecture.md), called with the signed-in user's access token. */
@RegisterRestClient(configKey = "catalog")
@RegisterClientHeaders(AccessTokenForwarding.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    @GET
    @Path("/exercises")
    ListPage<Exercise> exercises(@QueryParam("q") String q, @QueryParam("category") String category,
                                 @QueryParam("equipment") String equipment, @QueryParam("page") Integer page,
                                 @QueryParam("size") Integer size);

    /**
     * Several exercises in one request, each slug a repeated {@code slug} parameter; unknown ones are
     * absent. Their texts in {@code language} where the catalog has it (null: English).
     */
    @GET
    @Path("/exercises")
    ListPage<Exercise> exercisesBySlug(@QueryParam("slug") List<String> slugs,
                                       @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language);

    @GET
    @Path("/exercises/{slug}")
    RestResponse<Exercise> exercise(@PathParam("slug") String slug);

    @POST
    @Path("/exercises")
    RestResponse<Exercise> createExercise(ExerciseRequest request);

    @PUT
    @Path("/exercises/{slug}")
    RestResponse<Exercise> replaceExercise(@PathParam("slug") String slug,
                                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                           ExerciseRequest request);

    @DELETE
    @Path("/exercises/{slug}")
    RestResponse<Void> archiveExercise(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);

    @GET
    @Path("/exercises/{slug}/translations")
    List<ExerciseTranslation> translations(@PathParam("slug") String slug);

    @PUT
    @Path("/exercises/{slug}/translations/{lang}")
    RestResponse<ExerciseTranslation> putTranslation(@PathParam("slug") String slug, @PathParam("lang") String language,
                                                     TranslationRequest request);

    @DELETE
    @Path("/exercises/{slug}/translations/{lang}")
    RestResponse<Void> deleteTranslation(@PathParam("slug") String slug, @PathParam("lang") String language);

    @GET
    @Path("/routines")
    ListPage<Routine> routines(@QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @GET
    @Path("/routines/{slug}")
    Routine routine(@PathParam("slug") String slug);

    /** The same routine with its ETag (the If-Match of a later write). */
    @GET
    @Path("/routines/{slug}")
    RestResponse<Routine> routineWithTag(@PathParam("slug") String slug);

    @POST
    @Path("/routines")
    RestResponse<Routine> createRoutine(RoutineRequest request);

    @PUT
    @Path("/routines/{slug}")
    RestResponse<Routine> replaceRoutine(@PathParam("slug") String slug,
                                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                         RoutineRequest request);

    @DELETE
    @Path("/routines/{slug}")
    RestResponse<Void> archiveRoutine(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);
}

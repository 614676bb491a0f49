package io.spinewise.catalog.rest;

import io.spinewise.catalog.api.RoutineRequest;
import io.spinewise.catalog.api.RoutineView;
import io.spinewise.catalog.domain.Exercise;
import io.spinewise.catalog.domain.ExerciseTranslation;
import io.spinewise.catalog.domain.Routine;
import io.spinewise.catalog.domain.Status;
import io.spinewise.catalog.service.ExerciseTranslations;
import io.spinewise.catalog.service.LibraryFilter;
import io.spinewise.catalog.service.RoutineService;
import io.spinewise.catalog.service.Viewer;
import io.spinewise.common.paging.Page;
import io.spinewise.common.paging.PageRequest;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Routine templates: everyone in a clinic reads it; staff maintain their clinic's own entries. */
@Path("/api/routines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Routine templates")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
public class RoutineResource {

    @Inject
    RoutineService routines;

    @Inject
    ExerciseTranslations translations;

    @Inject
    Caller caller;

    @Context
    UriInfo uriInfo;

    @GET
    @LanguageNegotiated
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN, Roles.PATIENT})
    @Operation(operationId = "listRoutines", summary = "Search the routine templates",
            description = "The shared library plus the caller's clinic's entries. Patients see published entries only."
                    + " Each item's exercise name and summary are in the first language of Accept-Language the exercise"
                    + " is translated into, else English (its `language`); the template's own name and description are English.")
    public Page<RoutineView> list(
            @Parameter(description = "Text found in the name, description or slug", example = "mid-back")
            @QueryParam("q") @Size(max = 100) String q,
            @Parameter(description = "Staff only: DRAFT, PUBLISHED or ARCHIVED") @QueryParam("status") String status,
            @Valid @BeanParam PageRequest paging,
            @Parameter(description = ExerciseResource.LANGUAGE_DESCRIPTION, example = "es")
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        LibraryFilter filter = new LibraryFilter(q, null, null, QueryParams.parseEnum(Status.class, status, "status"));
        Page<Routine> page = routines.search(viewer(), filter, paging);
        Map<UUID, ExerciseTranslation> chosen = translations.chosenFor(exercisesOf(page.items()),
                AcceptLanguage.preferred(acceptLanguage));
        return page.map(r -> LibraryMapper.view(r, chosen));
    }

    @GET
    @Path("/{slug}")
    @LanguageNegotiated
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN, Roles.PATIENT})
    @Operation(operationId = "getRoutine", summary = "One routine template, with its ETag",
            description = "A shipped or own-clinic template; patients see published ones only. The ETag is the"
                    + " If-Match of a later PUT or DELETE. Each item's exercise name and summary are in the first"
                    + " language of Accept-Language the exercise is translated into, else English (its `language`).")
    @APIResponse(responseCode = "200", description = "The routine template",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RoutineView.class)),
            headers = {
                    @Header(name = "ETag", description = "The version, for If-Match",
                            schema = @Schema(type = SchemaType.STRING))})
    public Response get(@PathParam("slug") String slug,
                        @Parameter(description = ExerciseResource.LANGUAGE_DESCRIPTION, example = "es")
                        @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Routine routine = routines.find(viewer(), slug)
                .orElseThrow(() -> ProblemException.notFound("No routine '" + slug + "'."));
        Map<UUID, ExerciseTranslation> chosen = translations.chosenFor(exercisesOf(List.of(routine)),
                AcceptLanguage.preferred(acceptLanguage));
        return EntryResponses.ok(routine, LibraryMapper.view(routine, chosen));
    }

    private static List<Exercise> exercisesOf(List<Routine> shown) {
        return shown.stream().flatMap(r -> r.items.stream()).map(i -> i.exercise).toList();
    }

    @POST
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Operation(operationId = "createRoutine", summary = "Add a routine template to the clinic's own library",
            description = "The clinic comes from the token; the slug is derived from the name when not given."
                    + " Answers 201 with the template, its Location and its ETag.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "desk break",
            value = OpenApiExamples.ROUTINE)))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RoutineView.class)),
            headers = {
                    @Header(name = "Location", description = "The new entry's URL",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "The version, for If-Match",
                            schema = @Schema(type = SchemaType.STRING))})
    public Response create(@NotNull(message = "a JSON body is required") @Valid RoutineRequest request) {
        Routine routine = routines.create(caller.clinicId(), request);
        return EntryResponses.created(uriInfo, routine, LibraryMapper.view(routine));
    }

    @PUT
    @Path("/{slug}")
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Operation(operationId = "replaceRoutine", summary = "Replace one of the clinic's routine templates",
            description = "Requires If-Match with the ETag last read; a stale ETag gets 412.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RoutineView.class)),
            headers = {
                    @Header(name = "ETag", description = "The version, for If-Match",
                            schema = @Schema(type = SchemaType.STRING))})
    public Response update(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull(message = "a JSON body is required") @Valid RoutineRequest request) {
        Routine routine = routines.update(caller.clinicId(), slug, ETags.required(ifMatch), request);
        return EntryResponses.ok(routine, LibraryMapper.view(routine));
    }

    @DELETE
    @Path("/{slug}")
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Operation(operationId = "archiveRoutine", summary = "Archive one of the clinic's routine templates",
            description = "Kept for history; hidden from patients and lists.")
    @APIResponse(responseCode = "204", description = "Archived")
    public Response archive(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        routines.archive(caller.clinicId(), slug, ETags.optional(ifMatch));
        return Response.noContent().build();
    }

    private Viewer viewer() {
        return new Viewer(caller.clinicId(), caller.isStaff());
    }
}

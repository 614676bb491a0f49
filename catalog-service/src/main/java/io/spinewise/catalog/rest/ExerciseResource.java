package io.spinewise.catalog.rest;

import io.spinewise.catalog.api.ExerciseRequest;
import io.spinewise.catalog.api.ExerciseView;
import io.spinewise.catalog.domain.Category;
import io.spinewise.catalog.domain.Exercise;
import io.spinewise.catalog.domain.ExerciseTranslation;
import io.spinewise.catalog.domain.Status;
import io.spinewise.catalog.service.ExerciseService;
import io.spinewise.catalog.service.ExerciseTranslations;
import io.spinewise.catalog.service.LibraryFilter;
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
import java.util.Set;
import java.util.UUID;

/** The exercise library: everyone in a clinic reads it; staff maintain their clinic's own entries. */
@Path("/api/exercises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Exercises")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
public class ExerciseResource {

    /** The most slugs one fetch may name; a page of search results has the same bound. */
    static final int MAX_SLUGS = PageRequest.MAX_SIZE;

    /** The search parameters, which a fetch by slug does not take. */
    private static final List<String> SEARCH_PARAMETERS = List.of("q", "category", "equipment", "status", "page", "size");

    /** How the exercise reads take the caller's languages. */
    static final String LANGUAGE_DESCRIPTION = "The caller's languages with q-values; only the primary tag counts"
            + " (de-CH is de). Texts come in the first of en, de, fr, es that the exercise has, English when none"
            + " or when the header is absent or malformed.";

    @Inject
    ExerciseService exercises;

    @Inject
    ExerciseTranslations translations;

    @Inject
    Caller caller;

    @Context
    UriInfo uriInfo;

    @GET
    @LanguageNegotiated
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN, Roles.PATIENT})
    @Operation(operationId = "listExercises", summary = "Search the library, or fetch several exercises by slug",
            description = "The shared library plus the caller's clinic's entries. Patients see published entries only."
                    + " With `slug` (repeatable, at most " + MAX_SLUGS + "): exactly those exercises, in one page,"
                    + " under the rules of `GET /api/exercises/{slug}` (staff also get archived entries; where the"
                    + " clinic and the shared library both have a slug, the clinic's entry is returned). A slug that"
                    + " does not exist or that the caller may not see is simply absent from `items`; each slug"
                    + " appears at most once, in the order asked (the page's `size` is the number of distinct slugs asked,"
                    + " `total` the number found). `slug` cannot be combined with the search"
                    + " parameters (q, category, equipment, status, page, size): 400. Each exercise's texts are in"
                    + " the first language of Accept-Language it is translated into, else English (its `language`).")
    public Page<ExerciseView> list(
            @Parameter(description = "Text found in the name, summary or slug", example = "wall")
            @QueryParam("q") @Size(max = 100) String q,
            @Parameter(description = "Category, e.g. MOBILITY", example = "EXTENSION") @QueryParam("category") String category,
            @Parameter(description = "Equipment or a substitute the patient has", example = "tennis ball")
            @QueryParam("equipment") @Size(max = 60) String equipment,
            @Parameter(description = "Staff only: DRAFT, PUBLISHED or ARCHIVED") @QueryParam("status") String status,
            @Parameter(description = "Fetch these exercises instead of searching; repeat for each, at most "
                    + MAX_SLUGS + ", e.g. slug=cat-cow&slug=spinal-wedge. Unknown or invisible slugs are absent from"
                    + " the answer; a malformed one is a 400.")
            @QueryParam("slug") List<String> slugs, // declared for the OpenAPI document; read raw below
            @Valid @BeanParam PageRequest paging,
            @Parameter(description = LANGUAGE_DESCRIPTION, example = "de-CH, de;q=0.9, en;q=0.5")
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        List<String> languages = AcceptLanguage.preferred(acceptLanguage);
        // read from the raw query: the bound list drops empty values, but "slug=" is a malformed slug, not no slug
        List<String> asked = uriInfo.getQueryParameters().get("slug");
        if (asked != null) {
            return localised(bySlugs(asked), languages);
        }
        LibraryFilter filter = new LibraryFilter(q, QueryParams.parseEnum(Category.class, category, "category"),
                equipment, QueryParams.parseEnum(Status.class, status, "status"));
        return localised(exercises.search(viewer(), filter, paging), languages);
    }

    private Page<ExerciseView> localised(Page<Exercise> page, List<String> languages) {
        Map<UUID, ExerciseTranslation> chosen = translations.chosenFor(page.items(), languages);
        return page.map(e -> LibraryMapper.view(e, chosen.get(e.id)));
    }

    /** All the asked-for exercises as one page: its size is the number of distinct slugs asked. */
    private Page<Exercise> bySlugs(List<String> values) {
        // a search narrowed to slugs would mix two visibility rules (search hides archived entries,
        // a fetch does not), so the combination is refused rather than given a meaning
        if (SEARCH_PARAMETERS.stream().anyMatch(uriInfo.getQueryParameters()::containsKey)) {
            throw ProblemException.invalid("slug", "cannot be combined with " + String.join(", ", SEARCH_PARAMETERS));
        }
        Set<String> asked = QueryParams.slugs(values, "slug", MAX_SLUGS);
        List<Exercise> found = exercises.findAll(viewer(), asked);
        return new Page<>(found, 0, asked.size(), found.size());
    }

    @GET
    @Path("/{slug}")
    @LanguageNegotiated
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN, Roles.PATIENT})
    @Operation(operationId = "getExercise", summary = "One exercise, with its ETag",
            description = "A shipped or own-clinic exercise; patients see published ones only. The ETag is the"
                    + " If-Match of a later PUT or DELETE. Its texts are in the first language of Accept-Language"
                    + " it is translated into, else English: `language` and Content-Language say which.")
    @APIResponse(responseCode = "200", description = "The exercise",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExerciseView.class)),
            headers = {
                    @Header(name = "ETag", description = "The version, for If-Match",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Language", description = "The language of the exercise's texts",
                            schema = @Schema(type = SchemaType.STRING))})
    public Response get(@PathParam("slug") String slug,
                        @Parameter(description = LANGUAGE_DESCRIPTION, example = "fr, en;q=0.5")
                        @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Exercise exercise = exercises.find(viewer(), slug)
                .orElseThrow(() -> ProblemException.notFound("No exercise '" + slug + "'."));
        ExerciseView view = LibraryMapper.view(exercise,
                translations.chosenFor(List.of(exercise), AcceptLanguage.preferred(acceptLanguage)).get(exercise.id));
        return EntryResponses.localised(exercise, view, view.language());
    }

    @POST
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Operation(operationId = "createExercise", summary = "Add an exercise to the clinic's own library",
            description = "The clinic comes from the token; the slug is derived from the name when not given."
                    + " Answers 201 with the entry, its Location and its ETag.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "chin tucks",
            value = OpenApiExamples.EXERCISE)))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExerciseView.class)),
            headers = {
                    @Header(name = "Location", description = "The new entry's URL",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "The version, for If-Match",
                            schema = @Schema(type = SchemaType.STRING))})
    public Response create(@NotNull(message = "a JSON body is required") @Valid ExerciseRequest request) {
        Exercise exercise = exercises.create(caller.clinicId(), request);
        return EntryResponses.created(uriInfo, exercise, LibraryMapper.view(exercise));
    }

    @PUT
    @Path("/{slug}")
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Operation(operationId = "replaceExercise", summary = "Replace one of the clinic's exercises",
            description = "Requires If-Match with the ETag last read; a stale ETag gets 412.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExerciseView.class)),
            headers = {
                    @Header(name = "ETag", description = "The version, for If-Match",
                            schema = @Schema(type = SchemaType.STRING))})
    public Response update(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull(message = "a JSON body is required") @Valid ExerciseRequest request) {
        Exercise exercise = exercises.update(caller.clinicId(), slug, ETags.required(ifMatch), request);
        return EntryResponses.ok(exercise, LibraryMapper.view(exercise));
    }

    @DELETE
    @Path("/{slug}")
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Operation(operationId = "archiveExercise", summary = "Archive one of the clinic's exercises",
            description = "Kept for history; hidden from patients and lists.")
    @APIResponse(responseCode = "204", description = "Archived")
    public Response archive(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        exercises.archive(caller.clinicId(), slug, ETags.optional(ifMatch));
        return Response.noContent().build();
    }

    private Viewer viewer() {
        return new Viewer(caller.clinicId(), caller.isStaff());
    }
}

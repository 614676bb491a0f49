package io.spinewise.catalog.rest;

import io.spinewise.catalog.api.TranslationRequest;
import io.spinewise.catalog.api.TranslationView;
import io.spinewise.catalog.service.ExerciseTranslations;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
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

/**
 * An exercise's texts in German, French and Spanish. Staff read the translations of every exercise
 * their clinic sees; they write those of their clinic's own exercises only (the shared library's
 * translations ship with it). Patients get translations through the exercise reads' Accept-Language.
 */
@Path("/api/exercises") // the same class-level path as ExerciseResource, so a wrong method is a 405, not a 404
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Exercises")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
public class ExerciseTranslationResource {

    private static final String LANG = "A translation's language (BCP 47 primary tag): de, fr or es; English is the"
            + " exercise's own text";

    @Inject
    ExerciseTranslations translations;

    @Inject
    Caller caller;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("/{slug}/translations")
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Operation(operationId = "listExerciseTranslations", summary = "An exercise's translations",
            description = "Every stored translation of a shipped or own-clinic exercise, in the order de, fr, es.")
    public List<TranslationView> list(@PathParam("slug") String slug) {
        return translations.all(caller.clinicId(), slug)
                .orElseThrow(() -> ProblemException.notFound("No exercise '" + slug + "'."))
                .stream().map(LibraryMapper::view).toList();
    }

    @PUT
    @Path("/{slug}/translations/{lang}")
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Operation(operationId = "putExerciseTranslation", summary = "Add or replace a translation of one of the clinic's exercises",
            description = "Name, summary, steps and cautions in one language, checked like the exercise's own; they"
                    + " replace the English texts as a whole for readers who ask for the language. The shared"
                    + " library's exercises are read-only (403). Answers 201 when added, 200 when replaced.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "German",
            value = OpenApiExamples.TRANSLATION)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslationView.class)))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslationView.class)),
            headers = @Header(name = "Location", description = "The translation's URL", schema = @Schema(type = SchemaType.STRING)))
    public Response put(@PathParam("slug") String slug,
                        @Parameter(description = LANG, example = "de") @PathParam("lang") String lang,
                        @NotNull(message = "a JSON body is required") @Valid TranslationRequest request) {
        ExerciseTranslations.Written written = translations.put(caller.clinicId(), slug, lang, request);
        TranslationView view = LibraryMapper.view(written.translation());
        return written.created()
                ? Response.created(uriInfo.getAbsolutePath()).entity(view).build()
                : Response.ok(view).build();
    }

    @DELETE
    @Path("/{slug}/translations/{lang}")
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Operation(operationId = "deleteExerciseTranslation", summary = "Delete a translation of one of the clinic's exercises",
            description = "Readers of that language get the English texts again (or the next language they accept).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("slug") String slug,
                           @Parameter(description = LANG, example = "de") @PathParam("lang") String lang) {
        translations.delete(caller.clinicId(), slug, lang);
        return Response.noContent().build();
    }
}

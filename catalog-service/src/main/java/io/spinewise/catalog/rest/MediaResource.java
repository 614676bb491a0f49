package io.spinewise.catalog.rest;

import io.spinewise.catalog.api.MediaView;
import io.spinewise.catalog.domain.ExerciseMedia;
import io.spinewise.catalog.media.MediaIntake;
import io.spinewise.catalog.service.MediaService;
import io.spinewise.catalog.service.Viewer;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.UUID;

/** A clinic's own photos and videos of its own exercises: its staff add and remove them, everyone of the clinic sees them. */
// the same root as ExerciseResource: with its own root, a wrong method on a media path would answer 404, not 405
@Path("/api/exercises")
@Tag(name = "Exercise media")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
public class MediaResource {

    @Inject
    MediaService media;

    @Inject
    MediaIntake intake;

    @Inject
    MediaFiles files;

    @Inject
    Caller caller;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("/{slug}/media")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Operation(operationId = "addExerciseMedia", summary = "Add a photo or video to one of the clinic's exercises",
            description = "A multipart form: `file` (JPEG or PNG up to 5 MB, MP4 or WebM up to 50 MB, its part's Content-Type"
                    + " the file's real type), `alt` (what the picture shows; required for a picture) and `caption`."
                    + " The type is told from the file's first bytes: another type than declared, or any other format"
                    + " (SVG, HTML, WebP, HEIC...), is a 415. A picture is decoded and encoded again, so its EXIF (GPS"
                    + " position included), XMP and comments are not kept; one over the pixel cap is a 422. Videos are"
                    + " stored as sent. The shared library's exercises take none (403); an exercise with the most"
                    + " media it may have gets 409.")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaView.class)),
            headers = @Header(name = "Location", description = "Where the file is read", schema = @Schema(type = SchemaType.STRING)))
    public Response add(@PathParam("slug") String slug, @RestForm("file") @Schema(type = SchemaType.STRING, format = "binary") FileUpload file,
                        @RestForm("alt") String alt, @RestForm("caption") String caption) {
        media.requireRoomFor(caller.clinicId(), slug);
        MediaForm form = MediaForm.read(file, alt, caption);
        MediaIntake.Prepared prepared = intake.prepare(file.uploadedFile(), file.contentType());
        ExerciseMedia added = media.add(caller.clinicId(), slug, prepared, form.describe(prepared.format().kind()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(added.id.toString()).build())
                .entity(LibraryMapper.view(added)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{slug}/media/{id}")
    @Produces({"image/jpeg", "image/png", "video/mp4", "video/webm"})
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN, Roles.PATIENT})
    @Operation(operationId = "getExerciseMedia", summary = "The bytes of a photo or video",
            description = "For the users of the exercise's clinic (patients: published exercises only); anyone else gets 404."
                    + " Answers with the stored type, its length, the content hash as ETag (If-None-Match gives 304) and"
                    + " `Cache-Control: private, immutable` (an id is never reused). A video honours a single `Range`"
                    + " (206 with Content-Range); a range that cannot be served is ignored (200, the whole file).")
    @APIResponse(responseCode = "200", description = "The file",
            content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "video/mp4", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "video/webm", schema = @Schema(type = SchemaType.STRING, format = "binary"))},
            headers = {@Header(name = "ETag", description = "The content's SHA-256", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "private, max-age, immutable", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "206", description = "The asked range of a video",
            content = {@Content(mediaType = "video/mp4", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "video/webm", schema = @Schema(type = SchemaType.STRING, format = "binary"))},
            headers = @Header(name = "Content-Range", description = "Which bytes", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match matched")
    public Response get(@PathParam("slug") String slug, @PathParam("id") String id,
                        @HeaderParam("Range") String range, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ExerciseMedia found = media.find(new Viewer(caller.clinicId(), caller.isStaff()), slug, parse(id))
                .orElseThrow(() -> notFound(slug, id));
        return files.serve(found, range, ifNoneMatch);
    }

    @DELETE
    @Path("/{slug}/media/{id}")
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Operation(operationId = "removeExerciseMedia", summary = "Remove a photo or video from one of the clinic's exercises",
            description = "The row goes at once (with its change-log record); the stored file is deleted after it. Its id is"
                    + " never given to another file.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("slug") String slug, @PathParam("id") String id) {
        media.remove(caller.clinicId(), slug, parse(id));
        return Response.noContent().build();
    }

    /** A malformed id names no file: 404, as for any id that is not there. */
    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No media '" + id + "'.");
        }
    }

    private static ProblemException notFound(String slug, String id) {
        return ProblemException.notFound("No media " + id + " on exercise '" + slug + "'.");
    }
}

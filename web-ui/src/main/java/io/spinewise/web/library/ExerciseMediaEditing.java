package io.spinewise.web.library;

import io.spinewise.web.client.CatalogClient;
import io.spinewise.web.client.CatalogMedia;
import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.form.FieldTarget;
import io.spinewise.web.form.FormInput;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A clinic exercise's own photos and videos, from its edit page: the upload form is sent on to
 * catalog-service, which checks the file (its real type, size, a picture's pixels) and re-encodes
 * photos; its refusal shows beside the form's fields. Removing asks the catalog too.
 */
@Path("/admin")
@RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ExerciseMediaEditing {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

    @Inject
    CatalogClient catalog;

    @Inject
    CatalogMedia media;

    @POST
    @Path("library/{slug}/media")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response add(@PathParam("slug") String slug, @RestForm("file") FileUpload file,
                        @RestForm("alt") String alt, @RestForm("caption") String caption) {
        MultivaluedMap<String, String> values = new MultivaluedHashMap<>();
        values.putSingle("alt", alt == null ? "" : alt);
        values.putSingle("caption", caption == null ? "" : caption);
        FormInput in = FormInput.of(values);
        if (file == null || file.size() == 0) {
            in.error("file", "Choose a photo (JPEG or PNG) or a video (MP4 or WebM).");
        }
        boolean added = in.send(() -> media.add(slug, new CatalogMedia.Upload(file.uploadedFile(),
                file.fileName() == null ? "upload" : file.fileName(),
                file.contentType() == null ? "application/octet-stream" : file.contentType()),
                in.optional("alt"), in.optional("caption")), ExerciseMediaEditing::field);
        if (added) {
            return backToEdit(slug);
        }
        // a refusal of the file itself (its type, size, pixels; a full exercise) names no field: it is the file's
        in.refusal().filter(r -> r.violations().isEmpty()).ifPresent(r -> in.error("file", r.readableMessage()));
        CatalogClient.Versioned<Exercise> found = catalog.exercise(slug).orElseThrow(NotFoundException::new);
        return Response.status(400).entity(ExerciseEditing.page(catalog, slug, found, in.errors(),
                "The photo or video was not added: see below.")).build();
    }

    @POST
    @Path("library/{slug}/media/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("slug") String slug, @PathParam("id") String id) {
        UUID mediaId;
        try {
            mediaId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        media.remove(slug, mediaId);
        return backToEdit(slug);
    }

    /** The catalog names the form's own fields (file, alt, caption). */
    private static FieldTarget field(String path) {
        return FieldTarget.same(path.isEmpty() ? "file" : path);
    }

    private static Response backToEdit(String slug) {
        if (!SLUG.matcher(slug).matches()) {
            throw new NotFoundException(); // the catalog knows no such exercise either
        }
        return Response.seeOther(URI.create("/admin/library/" + slug + "/edit")).build();
    }
}

package io.spinewise.web.library;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.CatalogClient;
import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.page.FieldErrors;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Adding and editing the clinic's own exercises (catalog-service's exercise requests). */
@Path("/admin")
@RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ExerciseEditing {

    private static final List<String> CATEGORIES =
            List.of("SOFT_TISSUE_RELEASE", "MOBILITY", "EXTENSION", "STRETCH", "STRENGTH", "POSTURE");
    private static final List<String> POSITIONS =
            List.of("STANDING_AT_WALL", "STANDING", "SEATED", "FLOOR", "ALL_FOURS", "SUPINE", "PRONE", "SIDE_LYING");
    private static final List<String> REGIONS =
            List.of("THORACIC", "CERVICAL", "LUMBAR", "SHOULDER", "HIP", "FULL_BODY");

    @Inject
    CatalogClient catalog;

    /** The add/edit form of a clinic exercise; {@code slug} is null for a new one. */
    record ExerciseFormPage(String slug, String etag, ExerciseForm form, Map<String, String> errors, String message,
                            List<String> categories, List<String> positions, List<String> regions)
            implements TemplateInstance {
    }

    @GET
    @Path("library/new")
    public TemplateInstance newExercise() {
        return formPage(null, null, ExerciseForm.empty(), Map.of(), null);
    }

    @GET
    @Path("library/{slug}/edit")
    public TemplateInstance editExercise(@PathParam("slug") String slug) {
        CatalogClient.Versioned<Exercise> found = catalog.exercise(slug).orElseThrow(NotFoundException::new);
        return formPage(slug, found.etag(), ExerciseForm.of(found.value()), Map.of(), null);
    }

    @POST
    @Path("library")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        return save(null, null, form);
    }

    @POST
    @Path("library/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replace(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        return save(slug, form.getFirst("etag"), form);
    }

    private Response save(String slug, String etag, MultivaluedMap<String, String> values) {
        ExerciseForm form = ExerciseForm.read(values);
        Map<String, String> errors = form.check();
        return LibraryForms.save(errors, () -> {
            if (slug == null) {
                catalog.create(form.request());
            } else {
                catalog.replace(slug, etag, form.request());
            }
        }, FieldErrors::exerciseField, status -> Response.status(status).entity(formPage(slug, etag, form, errors,
                errors.getOrDefault("form", LibraryForms.CORRECT_FIELDS))).build());
    }

    private static ExerciseFormPage formPage(String slug, String etag, ExerciseForm form, Map<String, String> errors,
                                             String message) {
        return new ExerciseFormPage(slug, etag, form, errors, message, CATEGORIES, POSITIONS, REGIONS);
    }
}

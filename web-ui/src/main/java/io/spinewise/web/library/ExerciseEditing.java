package io.spinewise.web.library;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.CatalogClient;
import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.ExerciseRequest;
import io.spinewise.web.client.model.Media;
import io.spinewise.web.form.FormInput;
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

    @Inject
    CatalogClient catalog;

    /**
     * The add/edit form of a clinic exercise; {@code slug} is null for a new one. {@code translations}:
     * the "Translations" section's rows, {@code media}: the exercise's photos and videos with their upload
     * form; both on the edit page only (null on a new exercise and a form shown again).
     */
    record ExerciseFormPage(String slug, String etag, ExerciseForm form, Map<String, String> errors, String message,
                            List<ExerciseTranslating.TranslationRow> translations, List<Media> media)
            implements TemplateInstance {

        ExerciseFormPage(String slug, String etag, ExerciseForm form, Map<String, String> errors, String message) {
            this(slug, etag, form, errors, message, null, null);
        }
    }

    @GET
    @Path("library/new")
    public TemplateInstance newExercise() {
        return new ExerciseFormPage(null, null, ExerciseForm.empty(), Map.of(), null);
    }

    @GET
    @Path("library/{slug}/edit")
    public TemplateInstance editExercise(@PathParam("slug") String slug) {
        CatalogClient.Versioned<Exercise> found = catalog.exercise(slug).orElseThrow(NotFoundException::new);
        return page(catalog, slug, found, Map.of(), null);
    }

    /**
     * The edit page of {@code found} with its translations, photos and videos; {@code errors} and
     * {@code message} from a refused upload.
     */
    static ExerciseFormPage page(CatalogClient catalog, String slug, CatalogClient.Versioned<Exercise> found,
                                 Map<String, String> errors, String message) {
        boolean own = found.value().clinicOwned();
        return new ExerciseFormPage(slug, found.etag(), ExerciseForm.of(found.value()), errors, message,
                own ? ExerciseTranslating.rows(catalog.translations(slug)) : null,
                own ? found.value().clinicMedia() : null);
    }

    @POST
    @Path("library")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> values) {
        return save(null, FormInput.of(values));
    }

    @POST
    @Path("library/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replace(@PathParam("slug") String slug, MultivaluedMap<String, String> values) {
        return save(slug, FormInput.of(values));
    }

    private Response save(String slug, FormInput in) {
        String etag = in.optional("etag");
        ExerciseForm form = ExerciseForm.read(in);
        ExerciseRequest request = form.request(in);
        return LibraryForms.save(in, () -> {
            if (slug == null) {
                catalog.create(request);
            } else {
                catalog.replace(slug, etag, request);
            }
        }, ExerciseForm::field, message -> new ExerciseFormPage(slug, etag, form, in.errors(), message));
    }
}

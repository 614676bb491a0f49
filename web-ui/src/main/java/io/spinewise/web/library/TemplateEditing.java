package io.spinewise.web.library;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.CatalogClient;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.LibraryStatus;
import io.spinewise.web.client.model.Routine;
import io.spinewise.web.client.model.RoutineRequest;
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

/** Adding and editing the clinic's own routine templates (catalog-service's routine requests). */
@Path("/admin")
@RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
@Produces(MediaType.TEXT_HTML)
public class TemplateEditing {

    @Inject
    CatalogClient catalog;

    /** The add/edit form of a clinic routine template; {@code slug} is null for a new one. */
    record TemplateFormPage(String slug, String etag, TemplateForm form, List<Exercise> library,
                            Map<String, String> errors, String message) implements TemplateInstance {
    }

    @GET
    @Path("library/templates/new")
    public TemplateInstance newTemplate() {
        return new TemplateFormPage(null, null, TemplateForm.empty(), pickable(), Map.of(), null);
    }

    @GET
    @Path("library/templates/{slug}/edit")
    public TemplateInstance editTemplate(@PathParam("slug") String slug) {
        CatalogClient.Versioned<Routine> found = catalog.routineWithTag(slug)
                .filter(v -> LibraryForms.clinicOwned(v.value())).orElseThrow(NotFoundException::new);
        return new TemplateFormPage(slug, found.etag(), TemplateForm.of(found.value()), pickable(), Map.of(), null);
    }

    @POST
    @Path("library/templates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createTemplate(MultivaluedMap<String, String> values) {
        return save(null, FormInput.of(values));
    }

    @POST
    @Path("library/templates/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replaceTemplate(@PathParam("slug") String slug, MultivaluedMap<String, String> values) {
        return save(slug, FormInput.of(values));
    }

    private Response save(String slug, FormInput in) {
        String etag = in.optional("etag");
        TemplateForm form = TemplateForm.read(in);
        RoutineRequest request = form.request(in);
        return LibraryForms.save(in, () -> {
            if (slug == null) {
                catalog.createRoutine(request);
            } else {
                catalog.replaceRoutine(slug, etag, request);
            }
        }, TemplateForm::field, message -> new TemplateFormPage(slug, etag, form, pickableOrNone(), in.errors(),
                message));
    }

    /** The exercises a template may use: shared and own, not archived. */
    private List<Exercise> pickable() {
        return catalog.exercises(null, null, null, 0, CatalogClient.MAX_PAGE).itemsOrEmpty().stream()
                .filter(e -> e.status() != LibraryStatus.ARCHIVED).toList();
    }

    /** The form shown again still renders when the catalog cannot list the exercises (its selects are then empty). */
    private List<Exercise> pickableOrNone() {
        try {
            return pickable();
        } catch (ServiceException e) {
            return List.of();
        }
    }
}

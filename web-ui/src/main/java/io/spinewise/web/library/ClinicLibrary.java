package io.spinewise.web.library;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.CatalogClient;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.Routine;
import io.spinewise.web.form.FieldTarget;
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
import java.util.function.BiConsumer;

/**
 * The clinic library: its own exercises and routine templates next to the shared ones, and
 * archiving an own entry (behind a confirmation page; the form post carries the CSRF token).
 */
@Path("/admin")
@RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ClinicLibrary {

    @Inject
    CatalogClient catalog;

    record LibraryPage(List<Exercise> exercises, List<Routine> templates, List<Routine> shared)
            implements TemplateInstance {
    }

    /** "Archive this?" before the DELETE; {@code kind} is "exercise" or "template". */
    record ArchivePage(String kind, String slug, String name, String etag, String action, String message)
            implements TemplateInstance {
    }

    @GET
    @Path("library")
    public TemplateInstance library() {
        List<Exercise> own = catalog.exercises(null, null, null, 0, CatalogClient.MAX_PAGE).itemsOrEmpty().stream()
                .filter(Exercise::clinicOwned).toList();
        List<Routine> routines = catalog.routines().itemsOrEmpty();
        return new LibraryPage(own, routines.stream().filter(LibraryForms::clinicOwned).toList(),
                routines.stream().filter(r -> !LibraryForms.clinicOwned(r)).toList());
    }

    @GET
    @Path("library/{slug}/archive")
    public TemplateInstance confirmArchiveExercise(@PathParam("slug") String slug) {
        CatalogClient.Versioned<Exercise> found = catalog.exercise(slug)
                .filter(v -> v.value().clinicOwned()).orElseThrow(NotFoundException::new);
        return new ArchivePage("exercise", slug, found.value().name(), found.etag(), exerciseAction(slug), null);
    }

    @POST
    @Path("library/{slug}/archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archiveExercise(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        return archive("exercise", slug, exerciseAction(slug), form, catalog::archive);
    }

    @GET
    @Path("library/templates/{slug}/archive")
    public TemplateInstance confirmArchiveTemplate(@PathParam("slug") String slug) {
        CatalogClient.Versioned<Routine> found = catalog.routineWithTag(slug)
                .filter(v -> LibraryForms.clinicOwned(v.value())).orElseThrow(NotFoundException::new);
        return new ArchivePage("template", slug, found.value().name(), found.etag(), templateAction(slug), null);
    }

    @POST
    @Path("library/templates/{slug}/archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archiveTemplate(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        return archive("template", slug, templateAction(slug), form, catalog::archiveRoutine);
    }

    /** Archives one clinic entry; a refusal is shown on the confirmation page, a stale ETag as 409. */
    private static Response archive(String kind, String slug, String action, MultivaluedMap<String, String> values,
                                    BiConsumer<String, String> archiveCall) {
        FormInput form = FormInput.of(values);
        String etag = form.optional("etag");
        if (form.send(() -> archiveCall.accept(slug, etag), FieldTarget::same)) {
            return LibraryForms.backToList();
        }
        ServiceException refusal = form.refusal().orElseThrow();
        String name = form.optional("name");
        return Response.status(LibraryForms.status(refusal))
                .entity(new ArchivePage(kind, slug, name == null ? slug : name, etag, action, refusal.readableMessage()))
                .build();
    }

    private static String exerciseAction(String slug) {
        return "/admin/library/" + slug + "/archive";
    }

    private static String templateAction(String slug) {
        return "/admin/library/templates/" + slug + "/archive";
    }
}

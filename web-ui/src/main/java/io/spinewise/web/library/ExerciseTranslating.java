package io.spinewise.web.library;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.CatalogClient;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.ExerciseTranslation;
import io.spinewise.web.client.model.TranslationLanguage;
import io.spinewise.web.client.model.TranslationRequest;
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
import jakarta.ws.rs.core.UriBuilder;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A clinic exercise's texts in German, French and Spanish (catalog-service's translations), one
 * form per language; patients whose pages are in that language then read them. The shared
 * library's translations ship with it and are not edited here.
 */
@Path("/admin")
@RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ExerciseTranslating {

    @Inject
    CatalogClient catalog;

    /** The form of one language; {@code stored} says whether the catalog has it already. */
    record TranslationFormPage(String slug, String exerciseName, TranslationLanguage language, TranslationForm form,
                               boolean stored, Map<String, String> errors, String message) implements TemplateInstance {
    }

    /** A language on the exercise's edit page: its stored translation, or null when there is none yet. */
    public record TranslationRow(TranslationLanguage language, ExerciseTranslation stored) {
    }

    /** The rows of the edit page's "Translations" section: every language, translated or not. */
    static List<TranslationRow> rows(List<ExerciseTranslation> stored) {
        return List.of(TranslationLanguage.values()).stream().map(l -> new TranslationRow(l,
                stored.stream().filter(t -> l.tag().equals(t.language())).findFirst().orElse(null))).toList();
    }

    @GET
    @Path("library/{slug}/translations/{lang}")
    public TemplateInstance edit(@PathParam("slug") String slug, @PathParam("lang") String lang) {
        TranslationLanguage language = TranslationLanguage.of(lang).orElseThrow(NotFoundException::new);
        Exercise exercise = ownExercise(slug);
        Optional<ExerciseTranslation> stored = catalog.translations(slug).stream()
                .filter(t -> language.tag().equals(t.language())).findFirst();
        return new TranslationFormPage(slug, exercise.name(), language,
                stored.map(TranslationForm::of).orElse(TranslationForm.empty()), stored.isPresent(), Map.of(), null);
    }

    @POST
    @Path("library/{slug}/translations/{lang}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("slug") String slug, @PathParam("lang") String lang,
                         MultivaluedMap<String, String> values) {
        TranslationLanguage language = TranslationLanguage.of(lang).orElseThrow(NotFoundException::new);
        FormInput in = FormInput.of(values);
        TranslationForm form = TranslationForm.read(in);
        TranslationRequest request = form.request(in);
        if (in.send(() -> catalog.putTranslation(slug, language.tag(), request), TranslationForm::field)) {
            return backToExercise(slug);
        }
        Optional<ServiceException> refusal = in.refusal();
        return Response.status(refusal.map(LibraryForms::status).orElse(400))
                .entity(new TranslationFormPage(slug, in.optional("exerciseName"), language, form,
                        "true".equals(in.optional("stored")), in.errors(),
                        refusal.map(ServiceException::readableMessage).orElse("Please correct the marked fields.")))
                .build();
    }

    @POST
    @Path("library/{slug}/translations/{lang}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("slug") String slug, @PathParam("lang") String lang,
                           MultivaluedMap<String, String> values) {
        TranslationLanguage language = TranslationLanguage.of(lang).orElseThrow(NotFoundException::new);
        FormInput in = FormInput.of(values);
        if (in.send(() -> catalog.deleteTranslation(slug, language.tag()), FieldTarget::same)) {
            return backToExercise(slug);
        }
        ServiceException refusal = in.refusal().orElseThrow();
        if (refusal.notFound()) {
            return backToExercise(slug); // already gone: what was asked for is true
        }
        throw refusal;
    }

    private Exercise ownExercise(String slug) {
        return catalog.exercise(slug).map(CatalogClient.Versioned::value).filter(Exercise::clinicOwned)
                .orElseThrow(NotFoundException::new);
    }

    /** After a save or a delete: the exercise's edit page at its translations, by a redirect. */
    private static Response backToExercise(String slug) {
        return Response.seeOther(UriBuilder.fromPath("/admin/library/{slug}/edit").fragment("translations").build(slug))
                .build();
    }
}

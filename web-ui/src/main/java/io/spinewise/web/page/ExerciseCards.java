package io.spinewise.web.page;

import io.spinewise.web.client.CatalogClient;
import io.spinewise.web.client.PatientExerciseCache;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.PlanItem;
import io.spinewise.web.language.PatientLanguage;
import io.spinewise.web.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Exercise cards for prescribed items (Today, the handout, the prescription preview), with the
 * library's details asked for once per page, never once per card.
 */
@ApplicationScoped
public class ExerciseCards {

    @Inject
    CatalogClient catalog;

    @Inject
    PatientLanguage language;

    @Inject
    PatientExerciseCache patientLibrary;

    @Inject
    CurrentUser user;

    /**
     * The library's entries for these exercises. Without the library the cards still show the
     * prescription itself: a refusal leaves the details out, as an outage does, but only an outage
     * is called "the library is down". A patient's cards are in the page's language where the
     * catalog has the exercise in it, and come from the clinic's kept copy where it has them
     * ({@link PatientExerciseCache}); staff pages are English and always ask.
     */
    public Details details(Collection<String> slugs) {
        String pageLanguage = language.locale().getLanguage();
        String asked = "en".equals(pageLanguage) ? null : pageLanguage;
        try {
            if (user.patient() && !user.staff()) {
                return new Details(patientLibrary.exercises(user.clinicId(), asked, slugs,
                        missing -> catalog.exercisesBySlug(missing, asked)), false);
            }
            return new Details(catalog.exercisesBySlug(slugs, asked), false);
        } catch (ServiceException e) {
            return new Details(Map.of(), e.unavailable());
        }
    }

    /** Cards for {@code items} with their details, their ids starting with {@code prefix}. */
    public List<ExerciseCard> cards(String prefix, List<PlanItem> items) {
        return details(items.stream().map(PlanItem::exercise).toList()).cards(prefix, items);
    }

    /**
     * @param bySlug      the library's entry of each exercise it returned
     * @param libraryDown the library could not be reached
     */
    public record Details(Map<String, Exercise> bySlug, boolean libraryDown) {

        public List<ExerciseCard> cards(String prefix, List<PlanItem> items) {
            return items.stream().map(item -> new ExerciseCard(prefix + item.exercise(), item,
                    bySlug.get(item.exercise()))).toList();
        }
    }
}

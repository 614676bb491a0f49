package io.spinewise.plan.service;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.plan.api.PlanItemRequest;
import io.spinewise.plan.api.PlanRequest;
import io.spinewise.plan.client.CatalogClient;
import io.spinewise.plan.client.CatalogDosage;
import io.spinewise.plan.client.CatalogExercise;
import io.spinewise.plan.client.CatalogRoutine;
import io.spinewise.plan.domain.PlanItem;
import io.spinewise.plan.domain.Side;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what a chiropractor asks for into what is stored: every exercise and template is
 * checked against catalog-service (with the caller's token) and copied into a snapshot.
 * Runs outside any transaction, so a slow catalog holds no database connection.
 */
@ApplicationScoped
public class Prescriptions {

    private static final String PUBLISHED = "PUBLISHED";

    @Inject
    CatalogClient catalog;

    /** The checked content of a new plan or of an edit. */
    public record Content(String title, String routineSlug, String routineName, List<PlanItem> items,
                          Set<DayOfWeek> suggestedDays, Integer suggestedSessions) {
    }

    public Content resolve(PlanRequest request) {
        CatalogRoutine routine = null;
        if (request.routine() != null) {
            routine = catalog.routine(request.routine())
                    .filter(r -> PUBLISHED.equals(r.status()))
                    .orElseThrow(() -> ProblemException.invalid("routine",
                            "no published routine '" + request.routine() + "' in the catalog"));
        }
        List<PlanItem> items = request.items() != null ? items(request.items(), "items") : fromTemplate(routine);
        String title = request.title() != null && !request.title().isBlank() ? request.title().strip()
                : routine != null ? routine.name() : "Home exercises";
        return new Content(title, routine == null ? null : routine.slug(), routine == null ? null : routine.name(),
                items, routine == null || routine.schedule() == null ? null : routine.schedule().daysOfWeek(),
                routine == null || routine.schedule() == null ? null : routine.schedule().sessionsPerDay());
    }

    /** Each requested exercise, checked and snapshotted; {@code field} names the list in problems. */
    public List<PlanItem> items(List<PlanItemRequest> requested, String field) {
        Map<String, CatalogExercise> found = catalog.exercises(requested.stream().map(PlanItemRequest::exercise).toList());
        List<PlanItem> items = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            PlanItemRequest r = requested.get(i);
            String itemField = field + "[" + i + "].exercise";
            CatalogExercise exercise = Optional.ofNullable(found.get(r.exercise()))
                    .filter(e -> PUBLISHED.equals(e.status()))
                    .orElseThrow(() -> ProblemException.invalid(itemField,
                            "no published exercise '" + r.exercise() + "' in the catalog"));
            items.add(item(exercise.slug(), exercise.name(), exercise.dosage(), r));
        }
        return items;
    }

    private static List<PlanItem> fromTemplate(CatalogRoutine routine) {
        List<PlanItem> items = new ArrayList<>();
        for (CatalogRoutine.Item i : routine.items()) {
            items.add(item(i.exercise().slug(), i.exercise().name(), i.dosage(),
                    new PlanItemRequest(i.exercise().slug(), null, null, null, null, i.note())));
        }
        return items;
    }

    /**
     * The prescribed dose: what the chiropractor set, else the catalog's lower bound (a hold
     * before repetitions when the catalog offers both), else nothing (e.g. a ball release).
     */
    static PlanItem item(String slug, String name, CatalogDosage dosage, PlanItemRequest r) {
        Integer reps = r.reps();
        Integer hold = r.holdSeconds();
        if (reps == null && hold == null && dosage != null) {
            if (dosage.holdSeconds() != null) {
                hold = dosage.holdSeconds().min();
            } else if (dosage.reps() != null) {
                reps = dosage.reps().min();
            }
        }
        int sets = r.sets() != null ? r.sets() : dosage != null && dosage.sets() != null ? dosage.sets() : 1;
        Side side = r.side() != null ? r.side()
                : dosage != null && "EACH_SIDE".equals(dosage.sides()) ? Side.EACH_SIDE : Side.BOTH;
        String note = r.note() == null || r.note().isBlank() ? null : r.note().strip();
        return new PlanItem(slug, name, sets, reps, hold, side, note);
    }
}

package io.spinewise.catalog.rest;

import io.spinewise.catalog.api.EquipmentDto;
import io.spinewise.catalog.api.ExerciseView;
import io.spinewise.catalog.api.IllustrationDto;
import io.spinewise.catalog.api.Languages;
import io.spinewise.catalog.api.MediaView;
import io.spinewise.catalog.api.RoutineView;
import io.spinewise.catalog.api.ScheduleDto;
import io.spinewise.catalog.api.TranslationView;
import io.spinewise.catalog.domain.Exercise;
import io.spinewise.catalog.domain.ExerciseTranslation;
import io.spinewise.catalog.domain.Illustration;
import io.spinewise.catalog.domain.IllustrationText;
import io.spinewise.catalog.domain.ExerciseMedia;
import io.spinewise.catalog.domain.Routine;
import io.spinewise.catalog.service.Dosages;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Entities to API views; entities never leave the service as they are. */
final class LibraryMapper {

    private LibraryMapper() {
    }

    /** The exercise in English, its own texts. */
    static ExerciseView view(Exercise e) {
        return view(e, null);
    }

    /** The exercise with the texts of {@code t} where it is not null (English otherwise), each text saying its language. */
    static ExerciseView view(Exercise e, ExerciseTranslation t) {
        List<IllustrationDto> pictures = new ArrayList<>();
        for (int position = 0; position < e.illustrations.size(); position++) {
            Illustration picture = e.illustrations.get(position);
            IllustrationText text = t == null ? null : t.illustrations.get(position);
            pictures.add(text == null
                    ? new IllustrationDto(picture.url(), Languages.ENGLISH, picture.alt(), picture.caption())
                    : new IllustrationDto(picture.url(), t.language(), text.alt(), text.caption()));
        }
        return new ExerciseView(e.slug, t == null ? Languages.ENGLISH : t.language(), t == null ? e.name : t.name,
                e.bodyRegion, e.category, t == null ? e.summary : t.summary, t == null ? e.steps : t.steps, e.position,
                e.equipment.stream().map(q -> new EquipmentDto(q.name(), q.substitutes())).toList(),
                t == null ? e.cautions : t.cautions, e.mediaRef, pictures,
                e.media.stream().map(LibraryMapper::view).toList(),
                Dosages.toDto(e.dosage), e.status, owner(e.clinicId), e.version, e.updatedAt);
    }

    static TranslationView view(ExerciseTranslation t) {
        return new TranslationView(t.language(), t.name, t.summary, t.steps, t.cautions, t.updatedAt);
    }

    static MediaView view(ExerciseMedia m) {
        return new MediaView(m.id, m.kind, m.contentType, m.size, m.alt, m.caption, m.width, m.height);
    }

    /** The template in English. */
    static RoutineView view(Routine r) {
        return view(r, Map.of());
    }

    /** The template with each exercise's name and summary from {@code translations} (by exercise id) where it has one. */
    static RoutineView view(Routine r, Map<UUID, ExerciseTranslation> translations) {
        Set<DayOfWeek> days = r.daysOfWeek.stream().map(DayOfWeek::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
        return new RoutineView(r.slug, r.name, r.description, new ScheduleDto(days, r.sessionsPerDay),
                r.items.stream().map(i -> new RoutineView.Item(i.position,
                        exerciseRef(i.exercise, translations.get(i.exercise.id)),
                        Dosages.toDto(i.dosage), i.note)).toList(),
                r.status, owner(r.clinicId), r.version, r.updatedAt);
    }

    private static RoutineView.ExerciseRef exerciseRef(Exercise e, ExerciseTranslation t) {
        return t == null
                ? new RoutineView.ExerciseRef(e.slug, Languages.ENGLISH, e.name, e.category, e.position, e.summary, e.status)
                : new RoutineView.ExerciseRef(e.slug, t.language(), t.name, e.category, e.position, t.summary, e.status);
    }

    private static String owner(String clinicId) {
        return clinicId == null ? "library" : "clinic";
    }
}

package io.spinewise.catalog.rest;

import io.spinewise.catalog.api.EquipmentDto;
import io.spinewise.catalog.api.ExerciseView;
import io.spinewise.catalog.api.IllustrationDto;
import io.spinewise.catalog.api.MediaView;
import io.spinewise.catalog.api.RoutineView;
import io.spinewise.catalog.api.ScheduleDto;
import io.spinewise.catalog.domain.Exercise;
import io.spinewise.catalog.domain.ExerciseMedia;
import io.spinewise.catalog.domain.Routine;
import io.spinewise.catalog.service.Dosages;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Entities to API views; entities never leave the service as they are. */
final class LibraryMapper {

    private LibraryMapper() {
    }

    static ExerciseView view(Exercise e) {
        return new ExerciseView(e.slug, e.name, e.bodyRegion, e.category, e.summary, e.steps, e.position,
                e.equipment.stream().map(q -> new EquipmentDto(q.name(), q.substitutes())).toList(),
                e.cautions, e.mediaRef,
                e.illustrations.stream().map(i -> new IllustrationDto(i.url(), i.alt(), i.caption())).toList(),
                e.media.stream().map(LibraryMapper::view).toList(),
                Dosages.toDto(e.dosage), e.status, owner(e.clinicId), e.version, e.updatedAt);
    }

    static MediaView view(ExerciseMedia m) {
        return new MediaView(m.id, m.kind, m.contentType, m.size, m.alt, m.caption, m.width, m.height);
    }

    static RoutineView view(Routine r) {
        Set<DayOfWeek> days = r.daysOfWeek.stream().map(DayOfWeek::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
        return new RoutineView(r.slug, r.name, r.description, new ScheduleDto(days, r.sessionsPerDay),
                r.items.stream().map(i -> new RoutineView.Item(i.position,
                        new RoutineView.ExerciseRef(i.exercise.slug, i.exercise.name, i.exercise.category,
                                i.exercise.position, i.exercise.summary, i.exercise.status),
                        Dosages.toDto(i.dosage), i.note)).toList(),
                r.status, owner(r.clinicId), r.version, r.updatedAt);
    }

    private static String owner(String clinicId) {
        return clinicId == null ? "library" : "clinic";
    }
}

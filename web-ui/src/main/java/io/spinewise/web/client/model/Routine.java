package io.spinewise.web.client.model;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

import static io.spinewise.web.client.model.Schedule.describe;

/** A routine template: ordered exercises with dosage and a suggested schedule. */
public record Routine(String slug, String name, String description, Schedule schedule, List<Item> items,
                      LibraryStatus status, Owner owner, Integer version) {

    public record Schedule(Set<DayOfWeek> daysOfWeek, Integer sessionsPerDay) {
        /** "Every day, once a day". */
        public String text() {
            return describe(daysOfWeek, sessionsPerDay);
        }
    }

    public record Item(int position, ExerciseRef exercise, Exercise.Dosage dosage, String note) {
    }

    public record ExerciseRef(String slug, String name, Category category, Position position, String summary) {
    }

    public List<Item> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }
}

package io.spinewise.catalog;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for clinic-owned exercises and routines, as mutable maps so a test can spoil one field. */
final class ExerciseFixtures {

    private ExerciseFixtures() {
    }

    static Map<String, Object> exercise(String slug) {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", slug);
        body.put("name", "Seated thoracic rotation " + slug);
        body.put("bodyRegion", "THORACIC");
        body.put("category", "MOBILITY");
        body.put("summary", "Rotate the mid-back while seated, hands across the chest.");
        body.put("steps", List.of("Sit tall with arms crossed.", "Turn your upper body to one side.", "Return and turn to the other side."));
        body.put("position", "SEATED");
        body.put("equipment", List.of(Map.of("name", "chair", "substitutes", List.of("stool", "bench"))));
        body.put("cautions", List.of("Keep the hips facing forward."));
        body.put("dosage", dosage());
        body.put("status", "PUBLISHED");
        return body;
    }

    static Map<String, Object> dosage() {
        Map<String, Object> dosage = new HashMap<>();
        dosage.put("reps", new HashMap<>(Map.of("min", 8, "max", 12)));
        dosage.put("sets", 2);
        dosage.put("sides", "EACH_SIDE");
        return dosage;
    }

    static Map<String, Object> routine(String slug, String... exercises) {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", slug);
        body.put("name", "Office routine " + slug);
        body.put("description", "A short routine between meetings.");
        body.put("items", Arrays.stream(exercises).map(e -> Map.of("exercise", e)).toList());
        body.put("schedule", Map.of("daysOfWeek", List.of("MONDAY", "WEDNESDAY", "FRIDAY"), "sessionsPerDay", 2));
        body.put("status", "PUBLISHED");
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> nested(Map<String, Object> body, String key) {
        return (Map<String, Object>) body.get(key);
    }
}

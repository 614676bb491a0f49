package io.spinewise.catalog.rest;

/** Example request bodies shown in Swagger UI. */
final class OpenApiExamples {

    static final String EXERCISE = """
            {
              "name": "Seated chin tucks",
              "bodyRegion": "CERVICAL",
              "category": "POSTURE",
              "summary": "Draw the chin straight back to counter a forward head posture.",
              "steps": ["Sit tall.", "Draw your chin straight back, keeping your eyes level.", "Hold, then relax."],
              "position": "SEATED",
              "equipment": [],
              "cautions": ["Stop if you feel dizzy."],
              "dosage": {"holdSeconds": {"min": 5, "max": 10}, "reps": {"min": 8, "max": 12}, "sets": 2, "sides": "BOTH"},
              "status": "PUBLISHED"
            }""";

    static final String ROUTINE = """
            {
              "name": "Desk break",
              "description": "Two minutes between meetings.",
              "items": [
                {"exercise": "thoracic-wall-extension"},
                {"exercise": "cat-cow", "dosage": {"reps": {"min": 24, "max": 24}, "sets": 1, "sides": "BOTH"}}
              ],
              "schedule": {"daysOfWeek": ["MONDAY", "WEDNESDAY", "FRIDAY"], "sessionsPerDay": 2},
              "status": "PUBLISHED"
            }""";

    static final String TRANSLATION = """
            {
              "name": "Kinn-Rückzug im Sitzen",
              "summary": "Ziehen Sie das Kinn gerade zurück, um einer nach vorn geschobenen Kopfhaltung entgegenzuwirken.",
              "steps": ["Setzen Sie sich aufrecht hin.", "Ziehen Sie das Kinn gerade zurück, der Blick bleibt waagerecht.", "Halten, dann lösen."],
              "cautions": ["Hören Sie auf, wenn Ihnen schwindlig wird."]
            }""";

    private OpenApiExamples() {
    }
}

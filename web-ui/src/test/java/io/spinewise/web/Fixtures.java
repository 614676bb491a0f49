package io.spinewise.web;

import java.util.List;
import java.util.function.Function;

/** Service answers for the stub, each checked against the service's OpenAPI document when registered. */
final class Fixtures {

    static final String PLAN_ID = "0b7c9a52-6f0e-4d1e-9c57-1f2a3b4c5d6e";
    static final String PATIENT_ID = "5f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b";
    static final String CHECK_OFF_ID = "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d";

    private Fixtures() {
    }

    static String today(boolean firstSessionDone) {
        return """
                {"date":"2026-11-23","timeZone":"Europe/Zurich","plans":[{"planId":"%s","title":"Mid-back relief",
                 "scheduledToday":true,"sessionsPerDay":1,
                 "sessions":[{"slot":1,"checkOffId":%s,"done":%s}],
                 "items":[
                  {"exercise":"thoracic-wall-extension","exerciseName":"Thoracic extension at the wall","sets":2,"reps":null,"holdSeconds":30,"side":"BOTH","note":"Breathe out as you lean in"},
                  {"exercise":"cat-cow","exerciseName":"Cat-cow on all fours","sets":1,"reps":24,"holdSeconds":null,"side":"BOTH","note":null}]}]}
                """.formatted(PLAN_ID, firstSessionDone ? "\"" + CHECK_OFF_ID + "\"" : "null", firstSessionDone);
    }

    static final String WALL_EXTENSION = """
            {"slug":"thoracic-wall-extension","language":"en","name":"Thoracic extension at the wall","bodyRegion":"THORACIC",
             "category":"EXTENSION","summary":"Opens a rounded upper back.",
             "steps":["Stand facing a wall, forearms on it.","Lean your torso towards the wall.","Squeeze your shoulder blades together."],
             "position":"STANDING_AT_WALL","equipment":[{"name":"Wall","substitutes":["Door frame"]}],
             "cautions":["Stop if you feel tingling in the arms."],"mediaRef":null,"media":[],
             "illustrations":[
              {"url":"/img/exercises/thoracic-wall-extension-start.svg","language":"en","alt":"Facing the wall, forearms on it.","caption":"Start"},
              {"url":"/img/exercises/thoracic-wall-extension-end.svg","language":"en","alt":"Chest sunk towards the wall.","caption":"End"}],
             "dosage":{"holdSeconds":{"min":30,"max":60},"reps":null,"sets":2,"sides":"BOTH"},
             "status":"PUBLISHED","owner":"library","version":1,"updatedAt":"2026-11-01T08:00:00Z"}
            """;

    static final String CAT_COW = """
            {"slug":"cat-cow","language":"en","name":"Cat-cow on all fours","bodyRegion":"THORACIC","category":"MOBILITY",
             "summary":"Round up, then arch.","steps":["Round up like a cat.","Let the stomach sag (cow)."],
             "position":"ALL_FOURS","equipment":[],"cautions":[],"mediaRef":null,"media":[],
             "illustrations":[
              {"url":"/img/exercises/cat-cow-start.svg","language":"en","alt":"Cat: back rounded up, head down.","caption":"Start"},
              {"url":"/img/exercises/cat-cow-end.svg","language":"en","alt":"Cow: stomach sagging, head lifted.","caption":"End"}],
             "dosage":{"holdSeconds":{"min":30,"max":60},"reps":{"min":24,"max":40},"sets":1,"sides":"BOTH"},
             "status":"PUBLISHED","owner":"library","version":1,"updatedAt":"2026-11-01T08:00:00Z"}
            """;

    /** Cat-cow as catalog-service answers a reader who asked for German; one picture still in English. */
    static final String CAT_COW_GERMAN = """
            {"slug":"cat-cow","language":"de","name":"Katze-Kuh im Vierfüßlerstand","bodyRegion":"THORACIC","category":"MOBILITY",
             "summary":"Rund machen, dann durchhängen lassen.","steps":["Rücken rund machen wie eine Katze.","Bauch durchhängen lassen (Kuh)."],
             "position":"ALL_FOURS","equipment":[],"cautions":["Erzwingen Sie die Endpositionen nicht."],"mediaRef":null,"media":[],
             "illustrations":[
              {"url":"/img/exercises/cat-cow-start.svg","language":"de","alt":"Katze: Rücken rund, Kopf unten.","caption":"Ausgangsposition"},
              {"url":"/img/exercises/cat-cow-end.svg","language":"en","alt":"Cow: stomach sagging, head lifted.","caption":"End"}],
             "dosage":{"holdSeconds":{"min":30,"max":60},"reps":{"min":24,"max":40},"sets":1,"sides":"BOTH"},
             "status":"PUBLISHED","owner":"library","version":1,"updatedAt":"2026-11-01T08:00:00Z"}
            """;

    /** catalog-service's answer to a fetch by slug ({@code GET /api/exercises?slug=…}): one page of them all. */
    static String exercisesBySlug(String... exercises) {
        return "{\"items\":[" + String.join(",", exercises) + "],\"page\":0,\"size\":" + exercises.length
                + ",\"total\":" + exercises.length + "}";
    }

    /** plan-service's view of a patient of the clinic. */
    static String patient(String id, String firstName, String lastName, String email, String timeZone) {
        return """
                {"id":"%s","firstName":"%s","lastName":"%s","name":"%s %s","email":"%s","username":"%s",
                 "timeZone":"%s","language":null,"createdAt":"2026-10-01T09:00:00Z",
                 "erasureRequestedAt":null,"erasedAt":null}
                """.formatted(id, firstName, lastName, firstName, lastName, email, email, timeZone);
    }

    /** plan-service's view of the patient's "Mid-back relief" plan, with two exercises, from 23 Nov 2026. */
    static String plan() {
        return """
                {"id":"%s","patientId":"%s","title":"Mid-back relief","status":"ACTIVE","version":1,
                 "routine":{"slug":"mid-back-relief","name":"Mid-back relief"},
                 "schedule":{"daysOfWeek":["MONDAY"],"sessionsPerDay":1,"startDate":"2026-11-23","endDate":null},
                 "items":[
                  {"exercise":"thoracic-wall-extension","exerciseName":"Thoracic extension at the wall","sets":2,"reps":null,
                   "holdSeconds":30,"side":"BOTH","note":null},
                  {"exercise":"cat-cow","exerciseName":"Cat-cow on all fours","sets":1,"reps":24,"holdSeconds":null,
                   "side":"BOTH","note":null}],
                 "effectiveFrom":"2026-11-23","completedOn":null,"createdAt":"2026-11-22T10:00:00Z",
                 "updatedAt":"2026-11-22T10:00:00Z"}
                """.formatted(PLAN_ID, PATIENT_ID);
    }

    /** plan-service's own-data download ({@code GET /api/me/export}) of a patient with no plans yet. */
    static String export() {
        return """
                {"exportedAt":"2026-11-23T08:00:00Z",
                 "patient":{"id":"%s","clinicId":"north","firstName":"Paul","lastName":"Patient","email":"paul@example.org",
                  "username":"paul@example.org","timeZone":"Europe/Zurich","language":null,
                  "createdAt":"2026-10-01T09:00:00Z"},
                 "plans":[],"checkOffs":[],"assessments":[],"responses":[],"adherence":%s,
                 "reminders":{"channels":["EMAIL"],"remindAt":"18:00","quietFrom":null,"quietUntil":null,"chosen":false,
                  "emailAvailable":true},
                 "remindersSent":[],"pushDevices":[],"calendarFeed":{"on":false,"startsAt":"18:00","since":null},
                 "remoteMonitoringTime":[],"attentionAcknowledgements":[]}
                """.formatted(PATIENT_ID, adherenceAsAsked(adherence()).apply(null).strip());
    }

    static String checkOff() {
        return """
                {"id":"%s","planId":"%s","date":"2026-11-23","slot":1,"items":[],"painBefore":null,"painAfter":null,
                 "difficulty":null,"note":null,"recordedAt":"2026-11-23T08:00:00Z",
                 "performedAt":"2026-11-23T07:55:00Z"}
                """.formatted(CHECK_OFF_ID, PLAN_ID);
    }

    static String dashboard(String name) {
        return """
                {"items":[{"patientId":"%s","name":"%s","last7Days":{"scheduled":7,"completed":5,"percentage":71.4},
                 "last30Days":{"scheduled":30,"completed":24,"percentage":80.0},"streak":3,"streakAtLeast":false,
                 "lastSession":"2026-11-22","latestPain":4,"painChange":-1.5,"flags":["PAIN"]}],"page":0,"size":50,"total":1,
                 "next":null,"previous":null}
                """.formatted(PATIENT_ID, name.replace("\"", "\\\""));
    }

    /** A dashboard page (from 0) of {@code total} patients with one row per name, 50 a page. */
    static String dashboardPage(int page, long total, String... names) {
        return dashboardPageBetween(page, total, null, null, names);
    }

    /** A dashboard page with the positions of the pages beside it ({@code next}, {@code previous}; null for none). */
    static String dashboardPageBetween(int page, long total, String next, String previous, String... names) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            items.append(i == 0 ? "" : ",").append("""
                    {"patientId":"%s","name":"%s","last7Days":{"scheduled":7,"completed":5,"percentage":71.4},
                     "last30Days":{"scheduled":30,"completed":24,"percentage":80.0},"streak":3,"streakAtLeast":false,
                     "lastSession":"2026-11-22","latestPain":4,"painChange":-1.5,"flags":[]}"""
                    .formatted(java.util.UUID.nameUUIDFromBytes(names[i].getBytes()), names[i]));
        }
        return "{\"items\":[" + items + "],\"page\":" + page + ",\"size\":50,\"total\":" + total
                + ",\"next\":" + quotedOrNull(next) + ",\"previous\":" + quotedOrNull(previous) + "}";
    }

    private static String quotedOrNull(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    static String adherence() {
        return """
                {"patientId":"%s","planId":null,"from":"2026-10-20","to":"2026-11-23","today":"2026-11-23",
                 "scheduled":30,"completed":24,"percentage":80.0,"currentStreak":3,"longestStreak":9,
                 "lastSession":"2026-11-22","pain":{"latest":4,"early":6.0,"recent":4.5,"change":-1.5,"reports":8,
                 "weeks":[{"weekStart":"2026-11-09","before":6.0,"after":4.0},{"weekStart":"2026-11-16","before":4.5,"after":3.0}]},
                 "formula":"percentage = completed / scheduled × 100","days":[
                 {"date":"2026-11-20","scheduled":2,"completed":1},{"date":"2026-11-21","scheduled":1,"completed":1},
                 {"date":"2026-11-22","scheduled":1,"completed":0}]}
                """.formatted(PATIENT_ID);
    }

    /**
     * plan-service's answer to an adherence call, as its contract says: the per-day figures of
     * {@code withDays} only when the call asked for them ({@code days=true}), else {@code "days":null}.
     */
    static Function<StubServices.Recorded, String> adherenceAsAsked(String withDays) {
        String withoutDays = withDays.replaceAll("\"days\":\\[[^\\]]*\\]", "\"days\":null");
        return request -> request != null && request.query() != null
                && StubServices.query(request.query()).getOrDefault("days", List.of()).contains("true")
                ? withDays : withoutDays;
    }
}

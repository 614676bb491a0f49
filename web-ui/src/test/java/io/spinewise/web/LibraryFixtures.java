package io.spinewise.web;

/** The clinic library as catalog-service answers it, for the library's page tests. */
final class LibraryFixtures {

    static final String DESK_BREAK = """
            {"slug":"desk-break","name":"Desk break","description":"Twice a day at the desk.",
             "schedule":{"daysOfWeek":["MONDAY","WEDNESDAY"],"sessionsPerDay":2},
             "items":[{"position":1,"exercise":{"slug":"cat-cow","language":"en","name":"Cat-cow on all fours","category":"MOBILITY",
               "position":"ALL_FOURS","summary":"Round up, then arch.","status":"PUBLISHED"},
               "dosage":{"holdSeconds":null,"reps":{"min":10,"max":12},"sets":2,"sides":"BOTH"},"note":"Slowly"}],
             "status":"PUBLISHED","owner":"clinic","version":3,"updatedAt":"2026-11-02T08:00:00Z"}
            """;

    private LibraryFixtures() {
    }

    static void stubLibrary() {
        StubServices.json("GET", "/api/exercises", "{\"items\":[" + Fixtures.WALL_EXTENSION + "," + Fixtures.CAT_COW
                + "],\"page\":0,\"size\":100,\"total\":2}");
    }
}

package io.spinewise.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.spinewise.plan.Users.as;

/** Small builders for patients, plans and check-offs, all created over HTTP. */
final class Fixtures {

    private Fixtures() {
    }

    /** An enrolled patient: its id and a token for it. */
    record EnrolledPatient(String id, String subject, String token, ZoneId zone) {

        LocalDate today() {
            return LocalDate.now(zone);
        }
    }

    static EnrolledPatient enrol(String staffToken, String clinic, String firstName, String timeZone) {
        // a unique part of digits only: a hex one could contain a name searched for ("ada", "bea") and match the search
        String email = firstName.toLowerCase().replaceAll("[^a-z0-9]", "") + "-"
                + "%010d".formatted(ThreadLocalRandom.current().nextLong(10_000_000_000L)) + "@patients.example";
        String id = as(staffToken).body(Map.of("firstName", firstName, "lastName", "Tester", "email", email,
                        "timeZone", timeZone))
                .post("/api/patients").then().statusCode(201).extract().path("patient.id");
        String subject = FakeIdentityDirectory.subjectOf(email);
        return new EnrolledPatient(id, subject, Users.patientToken(subject, clinic), ZoneId.of(timeZone));
    }

    static Map<String, Object> schedule(LocalDate start, int sessionsPerDay, DayOfWeek... days) {
        Map<String, Object> schedule = new HashMap<>();
        schedule.put("startDate", start.toString());
        schedule.put("sessionsPerDay", sessionsPerDay);
        schedule.put("daysOfWeek", days.length == 0 ? List.of(DayOfWeek.values()) : List.of(days));
        return schedule;
    }

    static Map<String, Object> fromRoutine(String routine, Map<String, Object> schedule) {
        Map<String, Object> body = new HashMap<>();
        body.put("routine", routine);
        body.put("schedule", schedule);
        return body;
    }

    static Map<String, Object> fromExercises(Map<String, Object> schedule, String... exercises) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String e : exercises) {
            items.add(new HashMap<>(Map.of("exercise", e)));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Chosen exercises");
        body.put("items", items);
        body.put("schedule", schedule);
        return body;
    }

    /** Prescribes the mid-back routine every day, once a day, from today; returns the plan id. */
    static String dailyPlan(String chiroToken, EnrolledPatient patient) {
        return prescribe(chiroToken, patient.id(), fromRoutine("mid-back-relief", schedule(patient.today(), 1)));
    }

    static String prescribe(String chiroToken, String patientId, Map<String, Object> body) {
        return as(chiroToken).body(body).post("/api/patients/" + patientId + "/plans").then().statusCode(201)
                .extract().path("id");
    }

    static Map<String, Object> checkOff(String planId, LocalDate date, int slot) {
        Map<String, Object> body = new HashMap<>();
        body.put("planId", planId);
        body.put("date", date.toString());
        body.put("slot", slot);
        body.put("items", List.of(Map.of("exercise", "cat-cow", "done", true, "reps", 24),
                Map.of("exercise", "spinal-wedge", "done", true, "seconds", 60)));
        body.put("painBefore", 5);
        body.put("painAfter", 3);
        body.put("difficulty", 2);
        body.put("note", "felt good");
        return body;
    }
}

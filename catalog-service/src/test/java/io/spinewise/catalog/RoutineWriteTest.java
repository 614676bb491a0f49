package io.spinewise.catalog;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.spinewise.catalog.ExerciseFixtures.dosage;
import static io.spinewise.catalog.ExerciseFixtures.exercise;
import static io.spinewise.catalog.ExerciseFixtures.routine;
import static io.spinewise.catalog.Users.NORTH_ADMIN;
import static io.spinewise.catalog.Users.NORTH_CHIRO;
import static io.spinewise.catalog.Users.NORTH_PATIENT;
import static io.spinewise.catalog.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Clinics build their own routine templates from the shared library and their own exercises. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class RoutineWriteTest {

    @Test
    void aTemplateKeepsItemOrderAndTakesEachExercisesDosageByDefault() {
        as(NORTH_CHIRO).body(routine("desk-a", "spinal-wedge", "cat-cow")).post("/api/routines").then()
                .statusCode(201)
                .header("Location", endsWith("/api/routines/desk-a"))
                .header("ETag", equalTo("\"0\""))
                .body("items.exercise.slug", contains("spinal-wedge", "cat-cow"))
                .body("items.position", contains(0, 1))
                .body("items[0].dosage.holdSeconds.min", equalTo(60))
                .body("items[1].dosage.reps.max", equalTo(40))
                .body("schedule.daysOfWeek", contains("MONDAY", "WEDNESDAY", "FRIDAY"))
                .body("schedule.sessionsPerDay", equalTo(2));
    }

    @Test
    void aTemplateMayOverrideDosageAndAddNotes() {
        Map<String, Object> body = routine("desk-b");
        Map<String, Object> dosage = dosage();
        body.put("items", List.of(Map.of("exercise", "cat-cow", "dosage", dosage, "note", "Slow and smooth")));
        as(NORTH_CHIRO).body(body).post("/api/routines").then().statusCode(201)
                .body("items[0].dosage.reps.min", equalTo(8))
                .body("items[0].dosage.sides", equalTo("EACH_SIDE"))
                .body("items[0].note", equalTo("Slow and smooth"));
    }

    @Test
    void aTemplateMayUseTheClinicsOwnExercises() {
        as(NORTH_CHIRO).body(exercise("own-move")).post("/api/exercises").then().statusCode(201);
        as(NORTH_CHIRO).body(routine("desk-c", "own-move", "thoracic-wall-extension")).post("/api/routines").then()
                .statusCode(201).body("items.exercise.slug", contains("own-move", "thoracic-wall-extension"));
        as(NORTH_PATIENT).get("/api/routines/desk-c").then().statusCode(200).body("owner", equalTo("clinic"));
    }

    @Test
    void replacingItemsMovesTheETagAndAStaleETagIsRefused() {
        as(NORTH_CHIRO).body(routine("desk-d", "cat-cow")).post("/api/routines").then().statusCode(201);
        String etag = as(NORTH_CHIRO).get("/api/routines/desk-d").then().extract().header("ETag");

        String next = as(NORTH_ADMIN).header("If-Match", etag).body(routine("desk-d", "spinal-wedge", "cat-cow", "wall-ball-release"))
                .put("/api/routines/desk-d").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.exercise.slug", contains("spinal-wedge", "cat-cow", "wall-ball-release"))
                .extract().header("ETag");
        assertThat(next).isNotEqualTo(etag);

        as(NORTH_CHIRO).header("If-Match", etag).body(routine("desk-d", "cat-cow")).put("/api/routines/desk-d").then()
                .statusCode(412).contentType("application/problem+json");
        as(NORTH_PATIENT).get("/api/routines/desk-d").then().body("items", hasSize(3));
    }

    @Test
    void archivedExercisesCannotBeAddedToTemplates() {
        as(NORTH_CHIRO).body(exercise("retired")).post("/api/exercises").then().statusCode(201);
        as(NORTH_CHIRO).delete("/api/exercises/retired").then().statusCode(204);
        as(NORTH_CHIRO).body(routine("desk-e", "retired")).post("/api/routines").then()
                .statusCode(400).body("violations[0].field", equalTo("items[0].exercise"));
    }

    @Test
    void archivedTemplatesDisappearForPatients() {
        as(NORTH_CHIRO).body(routine("desk-f", "cat-cow")).post("/api/routines").then().statusCode(201);
        as(NORTH_ADMIN).delete("/api/routines/desk-f").then().statusCode(204);
        as(NORTH_PATIENT).get("/api/routines/desk-f").then().statusCode(404);
        as(NORTH_CHIRO).get("/api/routines/desk-f").then().statusCode(200).body("status", equalTo("ARCHIVED"));
    }
}

package io.spinewise.catalog;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.spinewise.catalog.ExerciseFixtures.exercise;
import static io.spinewise.catalog.Users.NORTH_ADMIN;
import static io.spinewise.catalog.Users.NORTH_CHIRO;
import static io.spinewise.catalog.Users.NORTH_PATIENT;
import static io.spinewise.catalog.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** Creating, replacing and archiving a clinic's exercises, with ETag-based optimistic concurrency. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ExerciseWriteTest {

    @Test
    void createAnswers201WithLocationETagAndTheStoredEntry() {
        ExtractableResponse<Response> created = as(NORTH_CHIRO).body(exercise("rotation-a")).post("/api/exercises").then()
                .statusCode(201)
                .header("Location", endsWith("/api/exercises/rotation-a"))
                .header("ETag", equalTo("\"0\""))
                .body("owner", equalTo("clinic"))
                .body("dosage.reps.min", equalTo(8))
                .body("dosage.sides", equalTo("EACH_SIDE"))
                .body("equipment[0].substitutes[1]", equalTo("bench"))
                .body("illustrations", empty())
                .extract();
        as(NORTH_PATIENT).get(created.header("Location")).then().statusCode(200).body("name", equalTo("Seated thoracic rotation rotation-a"));
    }

    @Test
    void theSlugIsDerivedFromTheNameWhenOmitted() {
        Map<String, Object> body = exercise(null);
        body.remove("slug");
        body.put("name", "Prone Y-raise (Ölberg variant)");
        as(NORTH_CHIRO).body(body).post("/api/exercises").then().statusCode(201)
                .header("Location", endsWith("/api/exercises/prone-y-raise-olberg-variant"));
    }

    @Test
    void aNewExerciseWithoutStatusIsADraft() {
        Map<String, Object> body = exercise("draft-by-default");
        body.remove("status");
        as(NORTH_CHIRO).body(body).post("/api/exercises").then().statusCode(201).body("status", equalTo("DRAFT"));
    }

    @Test
    void aDuplicateSlugInTheSameClinicIsAConflict() {
        as(NORTH_CHIRO).body(exercise("twice")).post("/api/exercises").then().statusCode(201);
        as(NORTH_ADMIN).body(exercise("twice")).post("/api/exercises").then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("Conflict"));
    }

    @Test
    void updateWithTheCurrentETagReplacesTheEntryAndMovesTheETag() {
        as(NORTH_CHIRO).body(exercise("rotation-b")).post("/api/exercises").then().statusCode(201);
        String etag = as(NORTH_CHIRO).get("/api/exercises/rotation-b").then().statusCode(200).extract().header("ETag");

        Map<String, Object> changed = exercise("rotation-b");
        changed.put("summary", "A gentler rotation.");
        changed.put("dosage", Map.of("holdSeconds", Map.of("min", 20, "max", 40), "sets", 3, "sides", "BOTH"));
        String newEtag = as(NORTH_ADMIN).header("If-Match", etag).body(changed).put("/api/exercises/rotation-b").then()
                .statusCode(200)
                .body("summary", equalTo("A gentler rotation."))
                .body("dosage.holdSeconds.max", equalTo(40))
                .body("dosage.sets", equalTo(3))
                .extract().header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);
        as(NORTH_PATIENT).get("/api/exercises/rotation-b").then().body("summary", equalTo("A gentler rotation."));
    }

    @Test
    void aStaleETagGets412AndChangesNothing() {
        as(NORTH_CHIRO).body(exercise("rotation-c")).post("/api/exercises").then().statusCode(201);
        String etag = as(NORTH_CHIRO).get("/api/exercises/rotation-c").then().extract().header("ETag");
        Map<String, Object> first = exercise("rotation-c");
        first.put("summary", "First writer wins.");
        as(NORTH_CHIRO).header("If-Match", etag).body(first).put("/api/exercises/rotation-c").then().statusCode(200);

        Map<String, Object> second = exercise("rotation-c");
        second.put("summary", "Second writer read an old version.");
        as(NORTH_ADMIN).header("If-Match", etag).body(second).put("/api/exercises/rotation-c").then()
                .statusCode(412).contentType("application/problem+json").body("detail", containsString("reload"));
        as(NORTH_CHIRO).get("/api/exercises/rotation-c").then().body("summary", equalTo("First writer wins."));
    }

    @Test
    void anUpdateWithoutIfMatchIsRefusedWith428() {
        as(NORTH_CHIRO).body(exercise("rotation-d")).post("/api/exercises").then().statusCode(201);
        as(NORTH_CHIRO).body(exercise("rotation-d")).put("/api/exercises/rotation-d").then()
                .statusCode(428).contentType("application/problem+json").body("detail", containsString("If-Match"));
        as(NORTH_CHIRO).header("If-Match", "\"not-ours\"").body(exercise("rotation-d")).put("/api/exercises/rotation-d")
                .then().statusCode(412);
    }

    @Test
    void theSlugCannotBeChangedByAnUpdate() {
        as(NORTH_CHIRO).body(exercise("rotation-e")).post("/api/exercises").then().statusCode(201);
        as(NORTH_CHIRO).header("If-Match", "\"0\"").body(exercise("rotation-renamed")).put("/api/exercises/rotation-e").then()
                .statusCode(400).body("violations[0].field", equalTo("slug"));
    }

    @Test
    void updatingAnUnknownExerciseIs404() {
        as(NORTH_CHIRO).header("If-Match", "\"0\"").body(exercise("nowhere")).put("/api/exercises/nowhere").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void archiveHonoursIfMatchWhenGiven() {
        as(NORTH_CHIRO).body(exercise("rotation-f")).post("/api/exercises").then().statusCode(201);
        as(NORTH_CHIRO).header("If-Match", "\"7\"").delete("/api/exercises/rotation-f").then().statusCode(412);
        as(NORTH_CHIRO).header("If-Match", "\"0\"").delete("/api/exercises/rotation-f").then().statusCode(204);
        as(NORTH_CHIRO).delete("/api/exercises/rotation-f").then().statusCode(204);
    }

    @Test
    void anExerciseMayGiveBothATimeAndARepetitionRange() {
        Map<String, Object> body = exercise("either-way");
        body.put("dosage", Map.of("holdSeconds", Map.of("min", 30, "max", 60), "reps", Map.of("min", 24, "max", 40),
                "sets", 1, "sides", "BOTH"));
        as(NORTH_CHIRO).body(body).post("/api/exercises").then().statusCode(201)
                .body("dosage.holdSeconds.min", equalTo(30)).body("dosage.reps.max", equalTo(40));
    }

    @Test
    void equipmentMayBeOmitted() {
        Map<String, Object> body = exercise("no-equipment");
        body.remove("equipment");
        body.remove("cautions");
        as(NORTH_CHIRO).body(body).post("/api/exercises").then().statusCode(201)
                .body("equipment", equalTo(List.of())).body("cautions", equalTo(List.of()));
    }
}

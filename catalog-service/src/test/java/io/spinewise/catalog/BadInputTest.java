package io.spinewise.catalog;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.spinewise.catalog.ExerciseFixtures.dosage;
import static io.spinewise.catalog.ExerciseFixtures.exercise;
import static io.spinewise.catalog.ExerciseFixtures.nested;
import static io.spinewise.catalog.ExerciseFixtures.routine;
import static io.spinewise.catalog.Users.NORTH_CHIRO;
import static io.spinewise.catalog.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Every malformed or invalid request gets a 4xx problem that names the problem; none is half-written. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class BadInputTest {

    private static ValidatableResponse post(Object body) {
        return as(NORTH_CHIRO).body(body).post("/api/exercises").then();
    }

    private static ValidatableResponse invalid(Map<String, Object> body, String field) {
        return post(body).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:spinewise:problem:validation"))
                .body("violations.field", hasItem(field))
                .body("detail", containsString(field));
    }

    @Test
    void malformedJsonNamesWhereItBroke() {
        post("{\"name\": \"x\",").statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed request"))
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void aMissingBodyIsRefused() {
        as(NORTH_CHIRO).post("/api/exercises").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aBodyOfTheWrongShapeIsRefused() {
        post("[1, 2, 3]").statusCode(400).contentType("application/problem+json");
        post("\"just a string\"").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownEnumValuesListTheAllowedOnes() {
        Map<String, Object> body = exercise("bad-enum");
        body.put("category", "YOGA");
        invalid(body, "category").body("violations[0].message", containsString("MOBILITY"));
    }

    @Test
    void unknownFieldsAreRefusedRatherThanIgnored() {
        Map<String, Object> body = exercise("mass-assignment");
        body.put("clinicId", "south");
        invalid(body, "clinicId");
    }

    @Test
    void aNumberOfTheWrongTypeIsNamed() {
        Map<String, Object> body = exercise("bad-sets");
        nested(body, "dosage").put("sets", "many");
        post(body).statusCode(400).contentType("application/problem+json").body("detail", containsString("dosage.sets"));
    }

    @Test
    void invertedRangesAreRefused() {
        Map<String, Object> body = exercise("inverted");
        nested(body, "dosage").put("reps", Map.of("min", 40, "max", 24));
        invalid(body, "dosage.reps").body("violations[0].message", containsString("min must not be greater than max"));
    }

    @Test
    void negativeAndZeroValuesAreRefused() {
        Map<String, Object> body = exercise("negative");
        nested(body, "dosage").put("holdSeconds", Map.of("min", -5, "max", 30));
        invalid(body, "dosage.holdSeconds.min");

        Map<String, Object> zeroSets = exercise("zero-sets");
        nested(zeroSets, "dosage").put("sets", 0);
        invalid(zeroSets, "dosage.sets");
    }

    @Test
    void absurdlyLargeNumbersAreRefused() {
        Map<String, Object> body = exercise("huge");
        nested(body, "dosage").put("holdSeconds", Map.of("min", 30, "max", 86400));
        invalid(body, "dosage.holdSeconds.max");
        Map<String, Object> overflow = exercise("overflow");
        nested(overflow, "dosage").put("sets", 99999999999L);
        post(overflow).statusCode(400).contentType("application/problem+json");
    }

    @Test
    void requiredFieldsAreNamed() {
        Map<String, Object> body = exercise("missing");
        body.remove("name");
        body.remove("dosage");
        post(body).statusCode(400)
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("dosage"));
    }

    @Test
    void overLongTextIsRefused() {
        Map<String, Object> body = exercise("long-name");
        body.put("name", "n".repeat(121));
        invalid(body, "name");
        Map<String, Object> longStep = exercise("long-step");
        longStep.put("steps", List.of("fine", "s".repeat(501)));
        invalid(longStep, "steps[1]");
    }

    @Test
    void emptyStepsAndBlankEntriesAreRefused() {
        Map<String, Object> body = exercise("no-steps");
        body.put("steps", List.of());
        invalid(body, "steps");
        Map<String, Object> blank = exercise("blank-step");
        blank.put("steps", List.of("ok", " "));
        invalid(blank, "steps[1]");
    }

    @Test
    void malformedSlugsAreRefused() {
        invalid(exercise("Not A Slug!"), "slug");
        invalid(exercise("../../etc"), "slug");
    }

    @Test
    void mediaReferencesMustBeUrls() {
        Map<String, Object> body = exercise("bad-media");
        body.put("mediaRef", "javascript:alert(1)");
        invalid(body, "mediaRef");
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        Map<String, Object> body = exercise("oversized");
        body.put("summary", "x".repeat(200_000));
        post(body).statusCode(413).contentType("application/problem+json");
    }

    @Test
    void bodiesStreamedWithoutALengthAreRefusedWith411() throws Exception {
        byte[] body = ("{\"summary\": \"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        // a body of unknown length goes out chunked, without Content-Length
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/exercises"))
                .header("Authorization", "Bearer " + NORTH_CHIRO)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(411);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("Content-Length");
    }

    @Test
    void theWrongMediaTypeIsRefusedWith415() {
        as(NORTH_CHIRO).contentType("text/plain").body("hello").post("/api/exercises").then()
                .statusCode(415).contentType("application/problem+json");
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        as(NORTH_CHIRO).get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
        as(NORTH_CHIRO).patch("/api/exercises/cat-cow").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void aRoutineNamingAnUnknownExerciseIsRefusedAndNothingIsWritten() {
        as(NORTH_CHIRO).body(routine("half-written", "cat-cow", "no-such-exercise")).post("/api/routines").then()
                .statusCode(400).body("violations[0].field", equalTo("items[1].exercise"));
        as(NORTH_CHIRO).get("/api/routines/half-written").then().statusCode(404);
        as(NORTH_CHIRO).get("/api/routines?size=100").then().body("items.slug", not(hasItem("half-written")));
    }

    @Test
    void aRoutineNeedsDaysAndASaneSessionCount() {
        Map<String, Object> body = routine("bad-schedule", "cat-cow");
        body.put("schedule", Map.of("daysOfWeek", List.of(), "sessionsPerDay", 50));
        as(NORTH_CHIRO).body(body).post("/api/routines").then().statusCode(400)
                .body("violations.field", hasItem("schedule.daysOfWeek"))
                .body("violations.field", hasItem("schedule.sessionsPerDay"));
        Map<String, Object> badDay = routine("bad-day", "cat-cow");
        badDay.put("schedule", Map.of("daysOfWeek", List.of("FUNDAY"), "sessionsPerDay", 1));
        as(NORTH_CHIRO).body(badDay).post("/api/routines").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("MONDAY"));
    }

    @Test
    void aRoutineItemsDosageIsValidatedLikeAnExercises() {
        Map<String, Object> body = routine("bad-item-dosage", "cat-cow");
        Map<String, Object> dosage = dosage();
        dosage.put("reps", Map.of("min", 10, "max", 5));
        body.put("items", List.of(Map.of("exercise", "cat-cow", "dosage", dosage)));
        as(NORTH_CHIRO).body(body).post("/api/routines").then().statusCode(400)
                .body("violations[0].field", equalTo("items[0].dosage.reps"));
    }

    @Test
    void noErrorLeaksInternals() {
        post("{\"name\": ").statusCode(400)
                .body(not(containsString("Exception")))
                .body(not(containsString("jackson")))
                .body(not(containsString("at io.")));
    }
}

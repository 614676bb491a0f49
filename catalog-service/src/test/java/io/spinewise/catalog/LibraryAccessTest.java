package io.spinewise.catalog;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.common.security.Roles;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.spinewise.catalog.ExerciseFixtures.exercise;
import static io.spinewise.catalog.ExerciseFixtures.routine;
import static io.spinewise.catalog.Users.NORTH_ADMIN;
import static io.spinewise.catalog.Users.NORTH_CHIRO;
import static io.spinewise.catalog.Users.NORTH_PATIENT;
import static io.spinewise.catalog.Users.SOUTH_CHIRO;
import static io.spinewise.catalog.Users.SOUTH_PATIENT;
import static io.spinewise.catalog.Users.anonymous;
import static io.spinewise.catalog.Users.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The role × clinic matrix: who may read and change which library entries. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class LibraryAccessTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private static boolean northLibraryCreated;

    /** Once per class (REST Assured learns the random port only before each test, so not in @BeforeAll). */
    @BeforeEach
    void northOwnsAPublishedAndADraftExercise() {
        if (northLibraryCreated) {
            return;
        }
        northLibraryCreated = true;
        as(NORTH_CHIRO).body(exercise("north-rotation")).post("/api/exercises").then().statusCode(201);
        Map<String, Object> draft = exercise("north-draft");
        draft.put("status", "DRAFT");
        as(NORTH_CHIRO).body(draft).post("/api/exercises").then().statusCode(201);
        as(NORTH_CHIRO).body(routine("north-office", "north-rotation", "cat-cow")).post("/api/routines").then().statusCode(201);
    }

    @Test
    void anonymousCallersGet401Problems() {
        anonymous().get("/api/exercises").then().statusCode(401)
                .contentType(PROBLEM_JSON).header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
        anonymous().get("/api/routines/mid-back-relief").then().statusCode(401).contentType(PROBLEM_JSON);
        anonymous().body(exercise("anon")).post("/api/exercises").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void expiredOrForeignTokensAreRefused() {
        as(TestIssuer.expiredToken(Roles.CHIROPRACTOR, "north")).get("/api/exercises").then()
                .statusCode(401).contentType(PROBLEM_JSON);
        String tampered = NORTH_CHIRO.substring(0, NORTH_CHIRO.lastIndexOf('.') + 1) + "AAAA";
        as(tampered).get("/api/exercises").then().statusCode(401).contentType(PROBLEM_JSON);
        as(TestIssuer.tokenForAudience("account", Roles.CHIROPRACTOR, "north")).get("/api/exercises").then()
                .statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void aTokenWithoutAClinicIsForbidden() {
        as(TestIssuer.tokenWithoutClinic(Roles.CHIROPRACTOR)).get("/api/exercises").then()
                .statusCode(403).contentType(PROBLEM_JSON).body("detail", containsString("clinic"));
    }

    @Test
    void aTokenWithoutASpinewiseRoleIsForbidden() {
        as(TestIssuer.token("offline_access", "north")).get("/api/exercises").then()
                .statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void patientsMayNotWrite() {
        as(NORTH_PATIENT).body(exercise("patient-made")).post("/api/exercises").then()
                .statusCode(403).contentType(PROBLEM_JSON);
        as(NORTH_PATIENT).header("If-Match", "\"0\"").body(exercise("north-rotation")).put("/api/exercises/north-rotation")
                .then().statusCode(403);
        as(NORTH_PATIENT).delete("/api/exercises/north-rotation").then().statusCode(403);
        as(NORTH_PATIENT).body(routine("patient-routine", "cat-cow")).post("/api/routines").then().statusCode(403);
        as(NORTH_PATIENT).delete("/api/routines/north-office").then().statusCode(403);
    }

    @Test
    void patientsSeePublishedEntriesOfTheirClinicAndTheLibrary() {
        as(NORTH_PATIENT).get("/api/exercises?size=100").then().statusCode(200)
                .body("items.slug", hasItem("north-rotation"))
                .body("items.slug", hasItem("cat-cow"))
                .body("items.slug", not(hasItem("north-draft")));
        as(NORTH_PATIENT).get("/api/exercises/north-draft").then().statusCode(404).contentType(PROBLEM_JSON);
        as(NORTH_PATIENT).get("/api/exercises/north-rotation").then().statusCode(200).body("owner", equalTo("clinic"));
    }

    @Test
    void staffSeeTheirClinicsDrafts() {
        as(NORTH_ADMIN).get("/api/exercises?size=100").then().statusCode(200).body("items.slug", hasItem("north-draft"));
        as(NORTH_ADMIN).get("/api/exercises/north-draft").then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void anotherClinicSeesNothingOfNorth() {
        for (String token : new String[] {SOUTH_CHIRO, SOUTH_PATIENT}) {
            as(token).get("/api/exercises?size=100").then().statusCode(200)
                    .body("items.slug", not(hasItem("north-rotation")))
                    .body("items.slug", hasItem("cat-cow"));
            as(token).get("/api/exercises/north-rotation").then().statusCode(404).contentType(PROBLEM_JSON);
            as(token).get("/api/routines/north-office").then().statusCode(404);
            as(token).get("/api/routines?size=100").then().statusCode(200).body("items.slug", not(hasItem("north-office")));
        }
        as(SOUTH_PATIENT).get("/api/exercises?q=north").then().body("total", equalTo(0));
    }

    @Test
    void anotherClinicCannotChangeNorthsEntries() {
        as(SOUTH_CHIRO).header("If-Match", "\"0\"").body(exercise("north-rotation")).put("/api/exercises/north-rotation")
                .then().statusCode(404);
        as(SOUTH_CHIRO).delete("/api/exercises/north-rotation").then().statusCode(404);
        as(SOUTH_CHIRO).delete("/api/routines/north-office").then().statusCode(404);
        as(NORTH_PATIENT).get("/api/exercises/north-rotation").then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void anotherClinicCannotBuildATemplateFromNorthsExercises() {
        as(SOUTH_CHIRO).body(routine("south-copy", "north-rotation")).post("/api/routines").then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("items[0].exercise"));
    }

    @Test
    void theSharedLibraryIsReadOnlyToClinics() {
        as(NORTH_ADMIN).header("If-Match", "\"0\"").body(exercise("cat-cow")).put("/api/exercises/cat-cow").then()
                .statusCode(403).contentType(PROBLEM_JSON).body("detail", containsString("shared library"));
        as(NORTH_CHIRO).delete("/api/exercises/cat-cow").then().statusCode(403);
        as(NORTH_CHIRO).delete("/api/routines/mid-back-relief").then().statusCode(403);
        as(NORTH_PATIENT).get("/api/exercises/cat-cow").then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void aClinicCannotShadowALibrarySlug() {
        as(NORTH_CHIRO).body(exercise("cat-cow")).post("/api/exercises").then()
                .statusCode(409).contentType(PROBLEM_JSON).body("detail", containsString("cat-cow"));
    }

    @Test
    void twoClinicsMayUseTheSameSlugForTheirOwnEntries() {
        Map<String, Object> north = exercise("posture-reset");
        north.put("name", "North posture reset");
        Map<String, Object> south = exercise("posture-reset");
        south.put("name", "South posture reset");
        as(NORTH_CHIRO).body(north).post("/api/exercises").then().statusCode(201);
        as(SOUTH_CHIRO).body(south).post("/api/exercises").then().statusCode(201);
        as(NORTH_PATIENT).get("/api/exercises/posture-reset").then().statusCode(200).body("name", equalTo("North posture reset"));
        as(SOUTH_PATIENT).get("/api/exercises/posture-reset").then().statusCode(200).body("name", equalTo("South posture reset"));
        as(SOUTH_PATIENT).get("/api/exercises?q=posture").then().body("total", equalTo(1));
    }

    @Test
    void ownerClinicStaffMayArchiveAndPatientsThenLoseSight() {
        as(NORTH_CHIRO).body(exercise("north-to-archive")).post("/api/exercises").then().statusCode(201);
        as(NORTH_ADMIN).delete("/api/exercises/north-to-archive").then().statusCode(204);
        as(NORTH_PATIENT).get("/api/exercises/north-to-archive").then().statusCode(404);
        as(NORTH_CHIRO).get("/api/exercises?size=100").then().body("items.slug", not(hasItem("north-to-archive")));
        as(NORTH_CHIRO).get("/api/exercises?status=ARCHIVED").then().body("items.slug", hasItem("north-to-archive"));
        as(NORTH_CHIRO).get("/api/exercises/north-to-archive").then().statusCode(200).body("status", equalTo("ARCHIVED"));
    }
}

package io.spinewise.catalog;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.spinewise.catalog.ExerciseFixtures.exercise;
import static io.spinewise.catalog.Users.NORTH_CHIRO;
import static io.spinewise.catalog.Users.NORTH_PATIENT;
import static io.spinewise.catalog.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Text search, the category and equipment filters, and paging with its hard maximum. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ExerciseSearchTest {

    private static final int CLINIC_EXERCISES = 25;
    private static boolean created;

    @BeforeEach
    void northHasTwentyFiveMoreExercises() {
        if (created) {
            return;
        }
        created = true;
        for (int i = 0; i < CLINIC_EXERCISES; i++) {
            Map<String, Object> body = exercise(String.format("drill-%02d", i));
            body.put("name", String.format("Drill %02d", i));
            as(NORTH_CHIRO).body(body).post("/api/exercises").then().statusCode(201);
        }
    }

    @Test
    void textSearchMatchesNameAndSummaryCaseInsensitively() {
        as(NORTH_PATIENT).get("/api/exercises?q=CAT").then().statusCode(200)
                .body("items.slug", contains("cat-cow"));
        as(NORTH_PATIENT).get("/api/exercises?q=gravity").then().statusCode(200)
                .body("items.slug", contains("spinal-wedge"));
    }

    @Test
    void likeWildcardsInTheQueryAreTakenLiterally() {
        as(NORTH_PATIENT).get("/api/exercises?q=%25").then().statusCode(200).body("total", equalTo(0));
        as(NORTH_PATIENT).get("/api/exercises?q=_").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void categoryFilter() {
        as(NORTH_PATIENT).get("/api/exercises?category=EXTENSION").then().statusCode(200)
                .body("items.slug", contains("thoracic-wall-extension"));
        as(NORTH_PATIENT).get("/api/exercises?category=soft-tissue-release").then().statusCode(200)
                .body("items.slug", contains("wall-ball-release"));
    }

    @Test
    void equipmentFilterMatchesSubstitutesToo() {
        as(NORTH_PATIENT).get("/api/exercises?equipment=tennis ball").then().statusCode(200)
                .body("items.slug", contains("wall-ball-release"));
        as(NORTH_PATIENT).get("/api/exercises?equipment=Wall").then().statusCode(200)
                .body("items.slug", containsInAnyOrder("wall-ball-release", "thoracic-wall-extension"));
        as(NORTH_PATIENT).get("/api/exercises?equipment=trampoline").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void filtersCombine() {
        as(NORTH_PATIENT).get("/api/exercises?category=MOBILITY&equipment=stool&size=100").then().statusCode(200)
                .body("total", equalTo(CLINIC_EXERCISES));
        as(NORTH_PATIENT).get("/api/exercises?category=MOBILITY&q=cow").then().statusCode(200)
                .body("items.slug", contains("cat-cow"));
    }

    @Test
    void pagesCoverEveryEntryExactlyOnce() {
        int total = 4 + CLINIC_EXERCISES;
        Set<String> seen = new HashSet<>();
        for (int page = 0; page < 3; page++) {
            List<String> slugs = as(NORTH_PATIENT).get("/api/exercises?size=10&page=" + page).then().statusCode(200)
                    .body("total", equalTo(total)).body("page", equalTo(page)).body("size", equalTo(10))
                    .extract().jsonPath().getList("items.slug");
            seen.addAll(slugs);
        }
        assertThat(seen).hasSize(total);
        as(NORTH_PATIENT).get("/api/exercises?size=10&page=3").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void defaultPageSizeIsTwenty() {
        as(NORTH_PATIENT).get("/api/exercises").then().statusCode(200).body("size", equalTo(20)).body("items", hasSize(20));
    }

    @Test
    void absurdPageSizesAndPagesAreRefused() {
        as(NORTH_PATIENT).get("/api/exercises?size=100000").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("size"));
        as(NORTH_PATIENT).get("/api/exercises?size=0").then().statusCode(400).body("violations[0].field", equalTo("size"));
        as(NORTH_PATIENT).get("/api/exercises?page=-1").then().statusCode(400).body("violations[0].field", equalTo("page"));
        as(NORTH_PATIENT).get("/api/exercises?page=abc").then().statusCode(400).contentType("application/problem+json");
        as(NORTH_PATIENT).get("/api/exercises?size=99999999999999").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownFilterValuesAreRefusedNamingTheAllowedOnes() {
        as(NORTH_PATIENT).get("/api/exercises?category=yoga").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("category"))
                .body("violations[0].message", containsString("MOBILITY"));
        as(NORTH_PATIENT).get("/api/exercises?q=" + "x".repeat(101)).then().statusCode(400)
                .body("violations[0].field", equalTo("q"));
    }

    @Test
    void routinesArePagedToo() {
        as(NORTH_PATIENT).get("/api/routines?size=101").then().statusCode(400);
        as(NORTH_PATIENT).get("/api/routines?q=relief").then().statusCode(200)
                .body("items.slug", contains("mid-back-relief"))
                .body("items[0].items", hasSize(4));
    }
}

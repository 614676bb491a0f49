package io.spinewise.catalog;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.spinewise.catalog.Users.NORTH_PATIENT;
import static io.spinewise.catalog.Users.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The shipped mid-back library is present and says what the clinic's article says. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class SeedLibraryTest {

    @Test
    void theLibraryShipsTheFourMidBackExercisesInArticleOrder() {
        as(NORTH_PATIENT).get("/api/routines/mid-back-relief").then()
                .statusCode(200)
                .body("name", equalTo("Mid-back relief"))
                .body("owner", equalTo("library"))
                .body("status", equalTo("PUBLISHED"))
                .body("items.exercise.slug", contains("wall-ball-release", "thoracic-wall-extension", "cat-cow", "spinal-wedge"))
                .body("schedule.daysOfWeek", hasSize(7))
                .body("schedule.sessionsPerDay", equalTo(1));
    }

    @Test
    void ballReleaseListsTheHouseholdSubstitutes() {
        as(NORTH_PATIENT).get("/api/exercises/wall-ball-release").then()
                .statusCode(200)
                .body("bodyRegion", equalTo("THORACIC"))
                .body("category", equalTo("SOFT_TISSUE_RELEASE"))
                .body("position", equalTo("STANDING_AT_WALL"))
                .body("equipment[0].substitutes", containsInAnyOrder(
                        "foam roller", "medicine ball", "basketball", "soccer ball", "tennis ball"))
                .body("steps.join(' ')", containsString("between your shoulder blades"))
                .body("dosage.holdSeconds", nullValue())
                .body("dosage.reps", nullValue());
    }

    @Test
    void wallExtensionIsHeldThirtyToSixtySeconds() {
        as(NORTH_PATIENT).get("/api/exercises/thoracic-wall-extension").then()
                .statusCode(200)
                .body("category", equalTo("EXTENSION"))
                .body("dosage.holdSeconds.min", equalTo(30))
                .body("dosage.holdSeconds.max", equalTo(60))
                .body("dosage.reps", nullValue())
                .body("steps.join(' ')", containsString("shoulder blades"));
    }

    @Test
    void catCowIsThirtyToSixtySecondsOrTwentyFourToFortyRepetitions() {
        as(NORTH_PATIENT).get("/api/exercises/cat-cow").then()
                .statusCode(200)
                .body("position", equalTo("ALL_FOURS"))
                .body("dosage.holdSeconds.min", equalTo(30))
                .body("dosage.holdSeconds.max", equalTo(60))
                .body("dosage.reps.min", equalTo(24))
                .body("dosage.reps.max", equalTo(40));
    }

    @Test
    void spinalWedgeIsAboutSixtySecondsLyingOnTheBack() {
        as(NORTH_PATIENT).get("/api/exercises/spinal-wedge").then()
                .statusCode(200)
                .body("position", equalTo("SUPINE"))
                .body("category", equalTo("STRETCH"))
                .body("dosage.holdSeconds.min", equalTo(60))
                .body("dosage.holdSeconds.max", equalTo(60))
                .body("equipment[0].name", equalTo("spinal wedge"));
    }

    @Test
    void eachShippedExerciseHasAStartAndAnEndPictureWithAltText() {
        for (String slug : List.of("wall-ball-release", "thoracic-wall-extension", "cat-cow", "spinal-wedge")) {
            as(NORTH_PATIENT).get("/api/exercises/" + slug).then()
                    .statusCode(200)
                    .body("illustrations.caption", contains("Start", "End"))
                    .body("illustrations.url", contains("/img/exercises/" + slug + "-start.svg",
                            "/img/exercises/" + slug + "-end.svg"))
                    .body("illustrations.alt", everyItem(matchesPattern("\\S.{40,}")))
                    .body("mediaRef", nullValue());
        }
    }

    @Test
    void aPageOfExercisesCarriesEachOnesPicturesInOrder() {
        as(NORTH_PATIENT).get("/api/exercises?slug=spinal-wedge&slug=cat-cow").then()
                .statusCode(200)
                .body("items.slug", contains("spinal-wedge", "cat-cow"))
                .body("items[0].illustrations.url", contains("/img/exercises/spinal-wedge-start.svg",
                        "/img/exercises/spinal-wedge-end.svg"))
                .body("items[1].illustrations.alt[0]", containsString("round"));
        as(NORTH_PATIENT).get("/api/exercises?q=wedge").then()
                .statusCode(200)
                .body("items[0].illustrations", hasSize(2));
    }

    @Test
    void theTemplateCarriesEachExercisesDosage() {
        as(NORTH_PATIENT).get("/api/routines/mid-back-relief").then()
                .statusCode(200)
                .body("items[1].dosage.holdSeconds.min", equalTo(30))
                .body("items[2].dosage.reps.max", equalTo(40))
                .body("items[3].dosage.holdSeconds.max", equalTo(60));
    }
}

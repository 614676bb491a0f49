package io.spinewise.catalog.badinput;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.spinewise.common.security.Roles;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import io.spinewise.testsupport.badinput.BadInputCorpus;
import io.spinewise.testsupport.badinput.BadInputGenerator;
import io.spinewise.testsupport.badinput.DatabaseSnapshot;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus of catalog-service ({@code src/test/resources/bad-input/}): every case,
 * generated from the OpenAPI document or written by hand, gets a 4xx problem naming what was
 * wrong, none a 5xx, and the database is exactly as it was before the corpus was sent.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusTest {

    private static final String CLINIC = "north";

    @Inject
    DataSource database;

    @Test
    @Order(1) // first, so that a refresh (-Dspinewise.badinput.refresh) is what the corpus test then sends
    void theGeneratedCasesAreTheOnesTheOpenApiDocumentGives() {
        BadInputGenerator.assertCommitted("catalog-service");
    }

    @Test
    @Order(2)
    void everyBadRequestIsRefusedWithAProblemNamingItAndChangesNothing() {
        String chiropractor = TestIssuer.token(Roles.CHIROPRACTOR, CLINIC);
        Map<String, String> tokens = Map.of(
                "chiropractor", chiropractor,
                "admin", TestIssuer.token(Roles.CLINIC_ADMIN, CLINIC),
                "patient", TestIssuer.token(Roles.PATIENT, CLINIC));
        Map<String, String> fixtures = Map.of(
                "exercise", "bad-input-exercise",
                "lang", "de",
                "exerciseEtag", create(chiropractor, "/api/exercises", exercise("bad-input-exercise")),
                "media", "6f1c2a9e-0000-4000-8000-000000000001", // no such file: every case is refused before it is looked up
                "routine", "bad-input-routine",
                "routineEtag", create(chiropractor, "/api/routines", routine("bad-input-routine")));

        BadInputCorpus corpus = BadInputCorpus.load("generated.json", "hand-written.json");
        DatabaseSnapshot before = DatabaseSnapshot.of(database, Set.of());
        BadInputCorpus.Outcome outcome = corpus.send("localhost", RestAssured.port, tokens, fixtures);
        DatabaseSnapshot after = before.now(database);
        System.out.println("catalog-service bad-input corpus: " + outcome.summary());

        List<String> wrong = new ArrayList<>(outcome.failures());
        after.differencesFrom(before).forEach(d -> wrong.add("database changed: " + d));
        assertThat(wrong).as("%d of %d cases answered wrongly or changed the database", wrong.size(), outcome.results().size())
                .isEmpty();
        assertThat(outcome.results()).hasSizeGreaterThanOrEqualTo(300);
    }

    private static String create(String token, String path, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).post(path)
                .then().statusCode(201).extract().header("ETag");
    }

    private static String exercise(String slug) {
        return """
                {"slug": "%s", "name": "Wall angels", "bodyRegion": "THORACIC", "category": "MOBILITY",
                 "summary": "Slide the arms up a wall.", "steps": ["Stand against a wall.", "Slide the arms up."],
                 "position": "STANDING", "dosage": {"reps": {"min": 8, "max": 12}, "sets": 2, "sides": "BOTH"},
                 "status": "PUBLISHED"}""".formatted(slug);
    }

    private static String routine(String slug) {
        return """
                {"slug": "%s", "name": "Morning", "description": "Before breakfast.",
                 "items": [{"exercise": "cat-cow"}, {"exercise": "bad-input-exercise"}],
                 "schedule": {"daysOfWeek": ["MONDAY"], "sessionsPerDay": 1}, "status": "PUBLISHED"}""".formatted(slug);
    }
}

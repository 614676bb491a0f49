package io.spinewise.catalog;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.common.security.Roles;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.spinewise.catalog.ExerciseFixtures.exercise;
import static io.spinewise.catalog.Users.NORTH_ADMIN;
import static io.spinewise.catalog.Users.NORTH_CHIRO;
import static io.spinewise.catalog.Users.NORTH_PATIENT;
import static io.spinewise.catalog.Users.SOUTH_CHIRO;
import static io.spinewise.catalog.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

/**
 * Exercise texts in the reader's language: chosen from Accept-Language with q-values, English as the
 * whole-exercise fallback, each text saying its language; clinics translate their own exercises only.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ExerciseTranslationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPatientAskingForGermanGetsTheShippedExerciseInGermanSaidByContentLanguageAndVary() {
        as(NORTH_PATIENT).header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5").get("/api/exercises/cat-cow").then()
                .statusCode(200)
                .header("Content-Language", equalTo("de"))
                .header("Vary", containsString("Accept-Language"))
                .body("language", equalTo("de"))
                .body("name", equalTo("Katze-Kuh im Vierfüßlerstand"))
                .body("steps[0]", containsString("Vierfüßlerstand"))
                .body("cautions[0]", containsString("Endpositionen"))
                .body("illustrations.language", everyItem(equalTo("de")))
                .body("illustrations.caption", contains("Ausgangsposition", "Endposition"))
                .body("illustrations.url", contains("/img/exercises/cat-cow-start.svg", "/img/exercises/cat-cow-end.svg"))
                .body("dosage.reps.min", equalTo(24));
    }

    @Test
    void theHighestQValueAmongTheTranslatedLanguagesWins() {
        assertLanguage("fr;q=0.5, es;q=0.9", "es");
        assertLanguage("ja, de;q=0.3", "de");
        assertLanguage("de;q=0, fr;q=0.1", "fr");
        assertLanguage("fr-CA", "fr");
    }

    @Test
    void englishFirstUnsupportedOrMalformedHeadersGiveEnglish() {
        assertLanguage("en, de;q=0.9", "en");
        assertLanguage("ja, zh;q=0.8", "en");
        assertLanguage("*", "en");
        assertLanguage("de;q=2", "en");
        assertLanguage("", "en");
        as(NORTH_PATIENT).get("/api/exercises/cat-cow").then().statusCode(200)
                .header("Content-Language", equalTo("en"))
                .body("name", equalTo("Cat-cow on all fours"))
                .body("illustrations.language", everyItem(equalTo("en")));
    }

    @Test
    void anExerciseWithoutTheAskedLanguageFallsBackToTheNextAcceptedOneThenToEnglishAsAWhole() {
        String slug = created(NORTH_CHIRO);
        as(NORTH_CHIRO).body(translation("Rotation assise")).put(translationPath(slug, "fr")).then().statusCode(201);

        as(NORTH_PATIENT).header("Accept-Language", "de, fr;q=0.8").get("/api/exercises/" + slug).then().statusCode(200)
                .header("Content-Language", equalTo("fr"))
                .body("language", equalTo("fr"))
                .body("name", equalTo("Rotation assise"))
                .body("cautions", contains("Gardez les hanches face à l’avant."));
        as(NORTH_PATIENT).header("Accept-Language", "de").get("/api/exercises/" + slug).then().statusCode(200)
                .header("Content-Language", equalTo("en"))
                .body("language", equalTo("en"))
                .body("name", equalTo("Seated thoracic rotation " + slug))
                .body("steps[0]", equalTo("Sit tall with arms crossed."));
    }

    @Test
    void listsAndRoutinesCarryEachTextsLanguage() {
        String slug = created(NORTH_CHIRO);
        as(NORTH_PATIENT).header("Accept-Language", "es").queryParam("slug", "cat-cow", slug).get("/api/exercises").then()
                .statusCode(200)
                .header("Vary", containsString("Accept-Language"))
                .body("items.language", contains("es", "en"))
                .body("items[0].name", equalTo("Gato-vaca a cuatro patas"));
        as(NORTH_PATIENT).header("Accept-Language", "es").queryParam("q", "wedge").get("/api/exercises").then()
                .statusCode(200)
                .body("items[0].name", equalTo("Apertura de pecho con cuña espinal"));
        as(NORTH_PATIENT).header("Accept-Language", "es").get("/api/routines/mid-back-relief").then()
                .statusCode(200)
                .header("Vary", containsString("Accept-Language"))
                .body("name", equalTo("Mid-back relief"))
                .body("items.exercise.language", everyItem(equalTo("es")))
                .body("items[2].exercise.name", equalTo("Gato-vaca a cuatro patas"));
    }

    @Test
    void staffAddReplaceListAndDeleteTheirOwnExercisesTranslations() throws SQLException {
        String clinic = "c-" + UUID.randomUUID().toString().substring(0, 8);
        String chiro = TestIssuer.token(Roles.CHIROPRACTOR, clinic);
        String slug = created(chiro);

        as(chiro).body(translation("Rotation im Sitzen")).put(translationPath(slug, "de")).then()
                .statusCode(201)
                .header("Location", endsWith(translationPath(slug, "de")))
                .body("language", equalTo("de"))
                .body("steps", contains("Setzen Sie sich aufrecht hin.", "Drehen Sie sich zu einer Seite."));
        as(chiro).body(translation("Sitzende Rotation")).put(translationPath(slug, "DE")).then()
                .statusCode(200).body("name", equalTo("Sitzende Rotation"));
        as(chiro).get("/api/exercises/" + slug + "/translations").then().statusCode(200)
                .body("language", contains("de")).body("[0].name", equalTo("Sitzende Rotation"));

        as(chiro).delete(translationPath(slug, "de")).then().statusCode(204);
        as(chiro).header("Accept-Language", "de").get("/api/exercises/" + slug).then().statusCode(200)
                .body("language", equalTo("en"));
        as(chiro).delete(translationPath(slug, "de")).then().statusCode(404)
                .contentType("application/problem+json");

        assertThat(actions(clinic)).containsExactly(
                "exercise.create exercise " + slug,
                "exercise.translation.create exercise " + slug + " de",
                "exercise.translation.update exercise " + slug + " de",
                "exercise.translation.delete exercise " + slug + " de");
    }

    @Test
    void anotherClinicCannotTranslateOrSeeTheTranslationsOfAClinicsExercise() {
        String slug = created(NORTH_CHIRO);
        as(SOUTH_CHIRO).body(translation("Fremd")).put(translationPath(slug, "de")).then().statusCode(404)
                .contentType("application/problem+json");
        as(SOUTH_CHIRO).delete(translationPath(slug, "de")).then().statusCode(404);
        as(SOUTH_CHIRO).get("/api/exercises/" + slug + "/translations").then().statusCode(404);
    }

    @Test
    void theSharedLibrarysTranslationsAreReadOnlyToClinics() {
        as(NORTH_ADMIN).body(translation("Katze")).put(translationPath("cat-cow", "de")).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("shared library"));
        as(NORTH_ADMIN).delete(translationPath("cat-cow", "fr")).then().statusCode(403);
        as(NORTH_ADMIN).get("/api/exercises/cat-cow/translations").then().statusCode(200)
                .body("language", contains("de", "fr", "es"));
        as(NORTH_PATIENT).header("Accept-Language", "de").get("/api/exercises/cat-cow").then()
                .body("name", equalTo("Katze-Kuh im Vierfüßlerstand"));
    }

    @Test
    void patientsCannotWriteTranslations() {
        String slug = created(NORTH_CHIRO);
        as(NORTH_PATIENT).body(translation("Rotation")).put(translationPath(slug, "de")).then().statusCode(403);
    }

    @Test
    void aTranslationIsCheckedLikeTheExercisesOwnFields() {
        String slug = created(NORTH_CHIRO);
        Map<String, Object> noSteps = translation("Rotation");
        noSteps.put("steps", List.of());
        assertRefused(slug, "de", noSteps, "steps");

        Map<String, Object> blankStep = translation("Rotation");
        blankStep.put("steps", List.of("Setzen Sie sich.", " "));
        assertRefused(slug, "de", blankStep, "steps[1]");

        assertRefused(slug, "de", translation("x".repeat(121)), "name");

        Map<String, Object> noSummary = translation("Rotation");
        noSummary.remove("summary");
        assertRefused(slug, "de", noSummary, "summary");

        Map<String, Object> tooManyCautions = translation("Rotation");
        tooManyCautions.put("cautions", Collections.nCopies(11, "Vorsicht."));
        assertRefused(slug, "de", tooManyCautions, "cautions");

        as(NORTH_CHIRO).body(translation("Rotation")).put(translationPath(slug, "en")).then().statusCode(400)
                .body("violations.field", hasItem("lang")).body("detail", containsString("English"));
        as(NORTH_CHIRO).body(translation("Rotation")).put(translationPath(slug, "it")).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("de, fr, es"));
    }

    private static void assertRefused(String slug, String lang, Map<String, Object> body, String field) {
        as(NORTH_CHIRO).body(body).put(translationPath(slug, lang)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    private static void assertLanguage(String acceptLanguage, String expected) {
        as(NORTH_PATIENT).header("Accept-Language", acceptLanguage).get("/api/exercises/spinal-wedge").then()
                .statusCode(200)
                .header("Content-Language", equalTo(expected))
                .body("language", equalTo(expected));
    }

    private static String created(String token) {
        String slug = "xl-" + UUID.randomUUID().toString().substring(0, 8);
        as(token).body(exercise(slug)).post("/api/exercises").then().statusCode(201);
        return slug;
    }

    private static String translationPath(String slug, String lang) {
        return "/api/exercises/" + slug + "/translations/" + lang;
    }

    private static Map<String, Object> translation(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("summary", "Drehen Sie den mittleren Rücken im Sitzen.");
        body.put("steps", List.of("Setzen Sie sich aufrecht hin.", "Drehen Sie sich zu einer Seite."));
        body.put("cautions", List.of("Gardez les hanches face à l’avant."));
        return body;
    }

    private List<String> actions(String clinic) throws SQLException {
        List<String> actions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT action, target FROM audit_event WHERE clinic_id = ? ORDER BY id")) {
            s.setString(1, clinic);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return actions;
    }
}

package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

/** The "Translations" section of a clinic exercise's edit page and its form per language, against the stub services. */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class ExerciseTranslatingTest {

    private static final String DESK_STRETCH = Fixtures.CAT_COW
            .replace("\"cat-cow\"", "\"desk-stretch\"").replace("\"library\"", "\"clinic\"")
            .replace("Cat-cow on all fours", "Desk stretch");

    private static final String GERMAN = """
            {"language":"de","name":"Dehnung am Schreibtisch","summary":"Rücken rund machen, dann strecken.",
             "steps":["Knien Sie sich in den Vierfüßlerstand.","Machen Sie den Rücken rund."],
             "cautions":["Nicht erzwingen."],"updatedAt":"2026-11-20T09:30:00Z"}""";

    @BeforeEach
    void services() {
        StubServices.reset();
        StubServices.json("GET", "/api/exercises/desk-stretch", DESK_STRETCH, Map.of("ETag", "\"2\""));
        StubServices.json("GET", "/api/exercises/desk-stretch/translations", "[" + GERMAN + "]");
    }

    @Test
    void theEditPageListsEveryLanguageWithItsTranslationOrALinkToAddIt() {
        String html = given().auth().oauth2(Users.chiropractor()).when().get("/admin/library/desk-stretch/edit")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("<h2 id=\"translations-title\">Translations</h2>",
                "<td lang=\"de\">Dehnung am Schreibtisch</td>",
                "href=\"/admin/library/desk-stretch/translations/de\">Edit German</a>",
                "action=\"/admin/library/desk-stretch/translations/de/delete\"",
                "href=\"/admin/library/desk-stretch/translations/fr\">Add French</a>",
                "href=\"/admin/library/desk-stretch/translations/es\">Add Spanish</a>");
    }

    @Test
    void theSharedLibrarysExercisesHaveNoTranslationsToEdit() {
        StubServices.json("GET", "/api/exercises/cat-cow", Fixtures.CAT_COW, Map.of("ETag", "\"1\""));
        String html = given().auth().oauth2(Users.admin()).when().get("/admin/library/cat-cow/edit")
                .then().statusCode(200).extract().asString();
        assertThat(html).doesNotContain("Translations");
        given().auth().oauth2(Users.admin()).when().get("/admin/library/cat-cow/translations/de").then().statusCode(404);
        assertThat(StubServices.requests("GET", "/api/exercises/cat-cow/translations")).isEmpty();
    }

    @Test
    void savingAFormPutsTheTranslationAndReturnsToTheExercise() {
        StubServices.json("PUT", "/api/exercises/desk-stretch/translations/fr", 201, """
                {"language":"fr","name":"Étirement au bureau","summary":"Arrondir puis creuser le dos.",
                 "steps":["Mettez-vous à quatre pattes."],"cautions":[],"updatedAt":"2026-11-29T07:00:00Z"}""");
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/desk-stretch/translations/fr");
        assertThat(page.response().asString()).contains("French texts of “Desk stretch”", "lang=\"fr\"");

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("exerciseName", "Desk stretch")
                .formParam("name", "Étirement au bureau").formParam("summary", "Arrondir puis creuser le dos.")
                .formParam("steps", "Mettez-vous à quatre pattes.\n\nArrondissez le dos.").formParam("cautions", "")
                .when().post("/admin/library/desk-stretch/translations/fr")
                .then().statusCode(303).header("Location", endsWith("/admin/library/desk-stretch/edit#translations"));

        assertThat(StubServices.requests("PUT", "/api/exercises/desk-stretch/translations/fr")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"name\":\"Étirement au bureau\"",
                        "\"steps\":[\"Mettez-vous à quatre pattes.\",\"Arrondissez le dos.\"]", "\"cautions\":[]"));
    }

    @Test
    void aFormWithoutStepsIsShownAgainWithTheErrorBesideTheStepsAndNothingSent() {
        String html = post("de", "Dehnung", "Rücken rund machen.", "  ").then().statusCode(400).extract().asString();

        assertThat(html).contains("aria-describedby=\"steps-error\"",
                "<small id=\"steps-error\" class=\"field-error\">Enter at least one step (one per line).</small>",
                "value=\"Dehnung\"");
        assertThat(StubServices.requests("PUT", "/api/exercises/desk-stretch/translations/de")).isEmpty();
    }

    @Test
    void theCatalogsRefusalOfAStepIsShownBesideTheSteps() {
        StubServices.answer("PUT", "/api/exercises/desk-stretch/translations/de", 400, "application/problem+json", """
                {"type":"urn:spinewise:problem:validation","title":"Invalid request","status":400,
                 "detail":"steps[0] size must be between 0 and 500.",
                 "violations":[{"field":"steps[0]","message":"size must be between 0 and 500"}]}
                """);
        String html = post("de", "Dehnung", "Rücken rund machen.", "x".repeat(501)).then().statusCode(400)
                .extract().asString();

        assertThat(html).contains("<small id=\"steps-error\" class=\"field-error\">");
    }

    @Test
    void deletingATranslationSendsTheDeleteAndReturnsToTheExercise() {
        StubServices.answer("DELETE", "/api/exercises/desk-stretch/translations/de", 204, "application/json", "");
        String token = Users.chiropractor();
        Pages.Form page = Pages.get(token, "/admin/library/desk-stretch/edit");

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .when().post("/admin/library/desk-stretch/translations/de/delete")
                .then().statusCode(303).header("Location", endsWith("/admin/library/desk-stretch/edit#translations"));
        assertThat(StubServices.requests("DELETE", "/api/exercises/desk-stretch/translations/de")).hasSize(1);
    }

    @Test
    void aLanguageTheCatalogDoesNotTranslateIntoIsNotAPage() {
        given().auth().oauth2(Users.admin()).when().get("/admin/library/desk-stretch/translations/en").then().statusCode(404);
    }

    private static Response post(String lang, String name, String summary, String steps) {
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/desk-stretch/translations/" + lang);
        return given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("exerciseName", "Desk stretch")
                .formParam("name", name).formParam("summary", summary).formParam("steps", steps)
                .when().post("/admin/library/desk-stretch/translations/" + lang);
    }
}

package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

/** Adding and editing a clinic routine template against the stub services ({@link StubServices}). */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class TemplateEditingTest {

    @BeforeEach
    void clean() {
        StubServices.reset();
    }

    @Test
    void creatingATemplateSendsTheExpectedJsonWithTheUsersToken() {
        LibraryFixtures.stubLibrary();
        StubServices.json("POST", "/api/routines", 201, LibraryFixtures.DESK_BREAK);
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/templates/new");
        assertThat(page.response().statusCode()).isEqualTo(200);
        assertThat(page.response().asString()).contains("Thoracic extension at the wall", "name=\"item2.exercise\"");

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .formParam("name", "Desk break").formParam("description", "Twice a day at the desk.")
                .formParam("item0.exercise", "cat-cow").formParam("item0.sets", "2").formParam("item0.holdMin", "")
                .formParam("item0.holdMax", "").formParam("item0.repsMin", "10").formParam("item0.repsMax", "12")
                .formParam("item0.sides", "BOTH").formParam("item0.note", "Slowly")
                .formParam("item1.exercise", "").formParam("item1.sets", "").formParam("item1.note", "")
                .formParam("item2.exercise", "thoracic-wall-extension").formParam("item2.sets", "")
                .formParam("item2.holdMin", "").formParam("item2.repsMin", "").formParam("item2.note", "")
                .formParam("days", "MONDAY").formParam("days", "WEDNESDAY")
                .formParam("sessionsPerDay", "2").formParam("status", "PUBLISHED")
                .when().post("/admin/library/templates")
                .then().statusCode(303).header("Location", endsWith("/admin/library"));

        assertThat(StubServices.requests("POST", "/api/routines")).singleElement().satisfies(r -> {
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + token);
            JsonPath json = JsonPath.from(r.body());
            assertThat(json.getString("name")).isEqualTo("Desk break");
            assertThat(json.getString("description")).isEqualTo("Twice a day at the desk.");
            assertThat(json.getList("items.exercise")).containsExactly("cat-cow", "thoracic-wall-extension");
            assertThat(json.getMap("items[0].dosage")).containsEntry("sets", 2).containsEntry("sides", "BOTH")
                    .containsEntry("reps", Map.of("min", 10, "max", 12));
            assertThat(json.getMap("items[0].dosage").get("holdSeconds")).isNull();
            assertThat(json.getString("items[0].note")).isEqualTo("Slowly");
            assertThat(json.getMap("items[1]")).doesNotContainKeys("dosage", "note");
            assertThat(json.getList("schedule.daysOfWeek")).containsExactlyInAnyOrder("MONDAY", "WEDNESDAY");
            assertThat(json.getInt("schedule.sessionsPerDay")).isEqualTo(2);
            assertThat(json.getString("status")).isEqualTo("PUBLISHED");
        });
    }

    @Test
    void anIncompleteTemplateIsShownAgainWithItsTextEscaped() {
        LibraryFixtures.stubLibrary();
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/templates/new");

        String html = given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .formParam("name", "<img src=x onerror=alert(1)>").formParam("description", "x")
                .formParam("item0.exercise", "").formParam("days", "MONDAY").formParam("sessionsPerDay", "1")
                .when().post("/admin/library/templates")
                .then().statusCode(400).extract().asString();

        assertThat(html).contains("Pick at least one exercise.", "&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img src=x");
        assertThat(StubServices.requests("POST", "/api/routines")).isEmpty();
    }

    @Test
    void theCatalogsRefusalOfATemplateItemIsShownByItsRow() {
        LibraryFixtures.stubLibrary();
        StubServices.answer("POST", "/api/routines", 400, "application/problem+json", """
                {"type":"urn:spinewise:problem:validation","title":"Invalid request","status":400,
                 "detail":"items[1].dosage.sets must be at most 20.",
                 "violations":[{"field":"items[1].dosage.sets","message":"must be at most 20"}]}
                """);
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/templates/new");

        String html = given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .formParam("name", "Desk break").formParam("description", "Twice a day at the desk.")
                .formParam("item0.exercise", "cat-cow").formParam("item0.note", "")
                .formParam("item1.exercise", "thoracic-wall-extension").formParam("item1.sets", "30")
                .formParam("item1.holdMin", "30").formParam("item1.note", "")
                .formParam("days", "MONDAY").formParam("sessionsPerDay", "1").formParam("status", "PUBLISHED")
                .when().post("/admin/library/templates")
                .then().statusCode(400).extract().asString();

        // the message sits in the second row's fieldset, after its note field
        assertThat(html).containsPattern("(?s)<legend>Exercise 2</legend>.*name=\"item1.note\"[^>]*>\\s*"
                + "<small id=\"item1-error\" class=\"field-error\">dosage.sets: must be at most 20</small>\\s*</fieldset>");
    }

    @Test
    void editingATemplateSendsIfMatchAndAStaleEditShowsTheServicesMessage() {
        LibraryFixtures.stubLibrary();
        StubServices.json("GET", "/api/routines/desk-break", LibraryFixtures.DESK_BREAK, Map.of("ETag", "\"3\""));
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/templates/desk-break/edit");
        assertThat(page.response().statusCode()).isEqualTo(200);
        assertThat(page.response().asString()).contains("value=\"Desk break\"", "value=\"Slowly\"",
                "<option value=\"cat-cow\" selected>");
        assertThat(page.hidden("etag")).isEqualTo("&quot;3&quot;");
        StubServices.problem("PUT", "/api/routines/desk-break", 412,
                "This template was changed by someone else since you opened it. Reload it and apply your change again.");

        String html = given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("etag", "\"3\"")
                .formParam("name", "Desk break, longer").formParam("description", "Twice a day at the desk.")
                .formParam("item0.exercise", "cat-cow").formParam("item0.sets", "")
                .formParam("days", "MONDAY").formParam("sessionsPerDay", "2").formParam("status", "DRAFT")
                .when().post("/admin/library/templates/desk-break")
                .then().statusCode(409).extract().asString();

        assertThat(html).contains("This template was changed by someone else since you opened it.",
                "value=\"Desk break, longer\"", "name=\"etag\" value=\"&quot;3&quot;\"");
        assertThat(StubServices.requests("PUT", "/api/routines/desk-break")).singleElement().satisfies(r -> {
            assertThat(r.header("If-Match")).isEqualTo("\"3\"");
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + token);
            JsonPath json = JsonPath.from(r.body());
            assertThat(json.getString("name")).isEqualTo("Desk break, longer");
            assertThat(json.getString("status")).isEqualTo("DRAFT");
            assertThat(json.getMap("items[0]")).doesNotContainKey("dosage");
        });
    }
}

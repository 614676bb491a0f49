package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

/** The clinic library's list and archiving, and who may reach the library, against the stub services ({@link StubServices}). */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class ClinicLibraryTest {

    @BeforeEach
    void clean() {
        StubServices.reset();
    }

    @Test
    void libraryListsOwnTemplatesNextToTheSharedOnesWithUserTextEscaped() {
        LibraryFixtures.stubLibrary();
        StubServices.json("GET", "/api/routines", """
                {"items":[%s,
                 {"slug":"mid-back-relief","name":"Mid-back relief","description":"The article's routine.",
                  "schedule":{"daysOfWeek":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],"sessionsPerDay":1},
                  "items":[],"status":"PUBLISHED","owner":"library","version":1,"updatedAt":"2026-11-01T08:00:00Z"}],
                 "page":0,"size":100,"total":2}
                """.formatted(LibraryFixtures.DESK_BREAK.replace("Desk break", "<script>alert(1)</script> break")));

        String html = given().auth().oauth2(Users.admin()).when().get("/admin/library")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; break", "Mon, Wed, twice a day",
                "/admin/library/templates/desk-break/edit", "/admin/library/templates/desk-break/archive",
                "Mid-back relief", "Shared library");
        assertThat(html).doesNotContain("<script>alert(1)", "/admin/library/templates/mid-back-relief/edit",
                "/admin/library/templates/mid-back-relief/archive");
    }

    @Test
    void archivingATemplateAsksFirstThenSendsDelete() {
        StubServices.json("GET", "/api/routines/desk-break", LibraryFixtures.DESK_BREAK, Map.of("ETag", "\"3\""));
        StubServices.answer("DELETE", "/api/routines/desk-break", 204, null, null);
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/templates/desk-break/archive");
        assertThat(page.response().statusCode()).isEqualTo(200);
        assertThat(page.hidden("etag")).isEqualTo("&quot;3&quot;");
        assertThat(page.response().asString()).contains("Archive “Desk break”?",
                "action=\"/admin/library/templates/desk-break/archive\"");
        assertThat(StubServices.requests("DELETE", "/api/routines/desk-break")).isEmpty();

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("etag", "\"3\"").formParam("name", "Desk break")
                .when().post("/admin/library/templates/desk-break/archive")
                .then().statusCode(303).header("Location", endsWith("/admin/library"));

        assertThat(StubServices.requests("DELETE", "/api/routines/desk-break")).singleElement().satisfies(r -> {
            assertThat(r.header("If-Match")).isEqualTo("\"3\"");
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + token);
        });
    }

    @Test
    void archivingAnExerciseSendsDeleteAndARefusalIsShownReadably() {
        StubServices.json("GET", "/api/exercises/desk-stretch", Fixtures.CAT_COW
                .replace("\"cat-cow\"", "\"desk-stretch\"").replace("\"library\"", "\"clinic\""));
        StubServices.problem("DELETE", "/api/exercises/desk-stretch", 412,
                "This exercise was changed by someone else since you opened it.");
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/desk-stretch/archive");
        assertThat(page.response().statusCode()).isEqualTo(200);

        String html = given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("name", "Cat-cow on all fours")
                .when().post("/admin/library/desk-stretch/archive")
                .then().statusCode(409).extract().asString();

        assertThat(html).contains("This exercise was changed by someone else since you opened it.");
        assertThat(StubServices.requests("DELETE", "/api/exercises/desk-stretch")).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + token));
    }

    @Test
    void theSharedLibraryCannotBeEditedOrArchivedHere() {
        StubServices.json("GET", "/api/routines/mid-back-relief", LibraryFixtures.DESK_BREAK
                .replace("desk-break", "mid-back-relief").replace("\"clinic\"", "\"library\""));

        given().auth().oauth2(Users.admin()).when().get("/admin/library/templates/mid-back-relief/edit")
                .then().statusCode(404);
        given().auth().oauth2(Users.admin()).when().get("/admin/library/templates/mid-back-relief/archive")
                .then().statusCode(404);
    }

    @Test
    void patientsCannotReachTheClinicLibraryPagesButChiropractorsCan() {
        LibraryFixtures.stubLibrary();
        StubServices.json("GET", "/api/routines", "{\"items\":[" + LibraryFixtures.DESK_BREAK + "],\"page\":0,\"size\":100,\"total\":1}");
        given().auth().oauth2(Users.chiropractor()).when().get("/admin/library").then().statusCode(200);
        given().auth().oauth2(Users.chiropractor()).when().get("/admin/library/templates/new").then().statusCode(200);
        Pages.Form page = Pages.get(Users.admin(), "/admin/library/templates/new");
        for (String token : List.of(Users.patient())) {
            given().auth().oauth2(token).when().get("/admin/library").then().statusCode(403);
            given().auth().oauth2(token).when().get("/admin/library/templates/new").then().statusCode(403);
            given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", page.csrfToken()).formParam("name", "Sneaky")
                    .when().post("/admin/library/templates").then().statusCode(403);
            given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", page.csrfToken())
                    .when().post("/admin/library/templates/desk-break/archive").then().statusCode(403);
        }
        assertThat(StubServices.requests().stream().filter(r -> !"GET".equals(r.method()))).isEmpty();
    }
}

package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

/** A clinic exercise's photos and videos: served through web-ui with the catalog's headers, added and refused from the edit page. */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class ExerciseMediaTest {

    private static final String ID = "3f0c2b1a-7d6e-4f5a-9b8c-1d2e3f4a5b6c";
    private static final String CATALOG_FILE = "/api/exercises/desk-stretch/media/" + ID;
    private static final String DESK_STRETCH = Fixtures.CAT_COW.replace("\"cat-cow\"", "\"desk-stretch\"")
            .replace("\"library\"", "\"clinic\"")
            .replace("\"media\":[]", "\"media\":[{\"id\":\"" + ID + "\",\"kind\":\"IMAGE\",\"contentType\":\"image/jpeg\","
                    + "\"size\":5,\"alt\":\"Kneeling, back rounded\",\"caption\":\"Start\",\"width\":320,\"height\":200}]");

    @BeforeEach
    void clean() {
        StubServices.reset();
    }

    @Test
    void aFileIsStreamedFromTheCatalogWithItsHeadersAndTheUsersToken() {
        StubServices.answer("GET", CATALOG_FILE, 200, "image/jpeg", "JFIF!", Map.of("ETag", "\"abc\"",
                "Cache-Control", "private, max-age=2592000, immutable", "X-Content-Type-Options", "nosniff"));
        String token = Users.patient();

        Response served = given().auth().oauth2(token).get("/media/desk-stretch/" + ID).then().statusCode(200).extract().response();

        assertThat(served.contentType()).isEqualTo("image/jpeg");
        assertThat(served.header("ETag")).isEqualTo("\"abc\"");
        // once each: web-ui's own headers and the catalog's do not add up to two (no-store would win over the cache)
        assertThat(served.headers().getValues("Cache-Control")).containsExactly("private, max-age=2592000, immutable");
        assertThat(served.headers().getValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(served.asString()).isEqualTo("JFIF!");
        assertThat(StubServices.requests("GET", CATALOG_FILE)).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + token));
    }

    @Test
    void aFileTheCatalogDoesNotShowThisUserIsNotFound() {
        StubServices.problem("GET", CATALOG_FILE, 404, "No media.");
        given().auth().oauth2(Users.patient()).get("/media/desk-stretch/" + ID).then().statusCode(404);
        given().auth().oauth2(Users.patient()).get("/media/desk-stretch/not-an-id").then().statusCode(404);
        given().redirects().follow(false).get("/media/desk-stretch/" + ID).then().statusCode(302);
    }

    @Test
    void theEditPageListsTheMediaAndAnUploadGoesToTheCatalogWithItsLength() {
        StubServices.json("GET", "/api/exercises/desk-stretch", DESK_STRETCH, Map.of("ETag", "\"2\""));
        StubServices.json("GET", "/api/exercises/desk-stretch/translations", "[]");
        StubServices.answer("POST", "/api/exercises/desk-stretch/media", 201, "application/json",
                "{\"id\":\"" + ID + "\",\"kind\":\"IMAGE\",\"contentType\":\"image/jpeg\",\"size\":5,\"alt\":\"Kneeling\","
                        + "\"caption\":null,\"width\":1,\"height\":1}");
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/desk-stretch/edit");
        assertThat(page.response().asString()).contains("<img src=\"/media/desk-stretch/" + ID + "\" alt=\"Kneeling, back rounded\"",
                "enctype=\"multipart/form-data\"", "accept=\"image/jpeg,image/png,video/mp4,video/webm\"");

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .multiPart("csrf-token", page.csrfToken()).multiPart("alt", "Kneeling")
                .multiPart("file", "photo.jpg", "JFIF!".getBytes(StandardCharsets.US_ASCII), "image/jpeg")
                .post("/admin/library/desk-stretch/media")
                .then().statusCode(303).header("Location", endsWith("/admin/library/desk-stretch/edit"));

        assertThat(StubServices.requests("POST", "/api/exercises/desk-stretch/media")).singleElement().satisfies(r -> {
            assertThat(r.header("Content-Type")).startsWith("multipart/form-data; boundary=");
            assertThat(r.header("Content-Length")).isNotNull();
            assertThat(r.body()).contains("name=\"alt\"", "Kneeling", "filename=\"photo.jpg\"", "Content-Type: image/jpeg", "JFIF!");
        });
    }

    @Test
    void aBrowsersUploadWithItsLengthDeclaredIsSentOn() {
        StubServices.json("GET", "/api/exercises/desk-stretch", DESK_STRETCH, Map.of("ETag", "\"2\""));
        StubServices.json("GET", "/api/exercises/desk-stretch/translations", "[]");
        StubServices.answer("POST", "/api/exercises/desk-stretch/media", 201, "application/json",
                "{\"id\":\"" + ID + "\",\"kind\":\"IMAGE\",\"contentType\":\"image/jpeg\",\"size\":5,\"alt\":\"Kneeling\","
                        + "\"caption\":null,\"width\":1,\"height\":1}");
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/desk-stretch/edit");
        String boundary = "----WebKitFormBoundaryx7B3vQ9";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n" + page.csrfToken()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"doorway.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n" + "J".repeat(3000)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\nA person stands in a doorway"
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nStart\r\n--" + boundary + "--\r\n";

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("multipart/form-data; boundary=" + boundary).body(form.getBytes(StandardCharsets.UTF_8))
                .post("/admin/library/desk-stretch/media")
                .then().statusCode(303);
    }

    @Test
    void theCatalogsRefusalOfTheFileIsShownByTheFileField() {
        StubServices.json("GET", "/api/exercises/desk-stretch", DESK_STRETCH, Map.of("ETag", "\"2\""));
        StubServices.json("GET", "/api/exercises/desk-stretch/translations", "[]");
        StubServices.problem("POST", "/api/exercises/desk-stretch/media", 415,
                "The file is a image/png but was sent as image/jpeg; send it with its own type.");
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/desk-stretch/edit");

        String html = given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .multiPart("csrf-token", page.csrfToken()).multiPart("alt", "Kneeling")
                .multiPart("file", "photo.jpg", "PNG".getBytes(StandardCharsets.US_ASCII), "image/jpeg")
                .post("/admin/library/desk-stretch/media")
                .then().statusCode(400).extract().asString();

        assertThat(html).contains("<small id=\"file-error\" class=\"field-error\">The file is a image/png but was sent as image/jpeg");
    }
}

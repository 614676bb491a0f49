package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The backend-for-frontend's security: the login redirect (code flow with PKCE), role-based
 * landing and refusal, CSRF on posts, and the security headers. Users sign in with bearer
 * tokens from the local signer (the test profile makes the app "hybrid"); the services are
 * the stub ({@link StubServices}).
 */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class BffSecurityTest {

    @BeforeEach
    void clean() {
        StubServices.reset();
    }

    @Test
    void anonymousVisitorIsSentToTheLoginPageWithPkce() {
        Response answer = given().redirects().follow(false).when().get("/today");

        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.getHeader("Location");
        assertThat(location).contains("/realms/clinic/protocol/openid-connect/auth")
                .contains("client_id=web-ui")
                .contains("response_type=code")
                .contains("code_challenge=")
                .contains("code_challenge_method=S256")
                .contains("state=");
        assertThat(answer.getDetailedCookies().toString()).containsIgnoringCase("HttpOnly");
    }

    @Test
    void eachRoleLandsOnItsOwnStartPage() {
        given().auth().oauth2(Users.patient()).redirects().follow(false)
                .when().get("/").then().statusCode(303).header("Location", startsWith("http")).header("Location", containsString("/today"));
        given().auth().oauth2(Users.chiropractor()).redirects().follow(false)
                .when().get("/").then().statusCode(303).header("Location", containsString("/attention"));
        given().auth().oauth2(Users.admin()).redirects().follow(false)
                .when().get("/").then().statusCode(303).header("Location", containsString("/admin/reports"));
    }

    @Test
    void patientIsRefusedAChiropractorPage() {
        given().auth().oauth2(Users.patient())
                .when().get("/patients")
                .then().statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("Not allowed"))
                .body(not(containsString("Exception")));
        assertThat(StubServices.requests()).isEmpty();
    }

    @Test
    void patientIsRefusedAnAdministratorPage() {
        given().auth().oauth2(Users.patient()).when().get("/admin/reports").then().statusCode(403);
    }

    @Test
    void postWithoutCsrfTokenIsRefusedAndNothingReachesTheService() {
        given().auth().oauth2(Users.patient())
                .contentType("application/x-www-form-urlencoded")
                .formParam("planId", Fixtures.PLAN_ID)
                .formParam("date", "2026-11-23")
                .formParam("slot", "1")
                .formParam("idempotencyKey", "0f0e0d0c-0b0a-4909-8807-060504030201")
                .formParam("exercise", "cat-cow")
                .formParam("done", "cat-cow")
                .when().post("/today/sessions")
                .then().statusCode(400);
        assertThat(StubServices.requests("POST", "/api/me/sessions")).isEmpty();
    }

    @Test
    void postWithAForgedCsrfTokenIsRefused() {
        StubServices.json("GET", "/api/me/today", Fixtures.today(false));
        Pages.Form page = Pages.get(Users.patient(), "/today");

        given().auth().oauth2(Users.patient())
                .cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", "forged" + page.csrfToken())
                .formParam("planId", Fixtures.PLAN_ID)
                .when().post("/today/sessions")
                .then().statusCode(400);
        assertThat(StubServices.requests("POST", "/api/me/sessions")).isEmpty();
    }

    /**
     * Sign-out ends the session, so it is a state change like any other: a link or an image on
     * another site (a GET) must not do it. The answer is the 405 page, which has the sign-out form.
     */
    @Test
    void signOutByGetIsRefusedWithAPageThatOffersTheForm() {
        Response answer = given().auth().oauth2(Users.patient()).redirects().follow(false).when().get("/logout");

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.getHeader("Location")).isNull();
        assertThat(answer.asString()).contains("<form method=\"post\" action=\"/logout\"");
    }

    @Test
    void signOutPostWithoutCsrfTokenIsRefused() {
        Response answer = given().auth().oauth2(Users.patient()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .when().post("/logout");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.getHeader("Location")).isNull();
    }

    @Test
    void signOutPostWithForgedCsrfTokenIsRefused() {
        StubServices.json("GET", "/api/me/today", Fixtures.today(false));
        Pages.Form page = Pages.get(Users.patient(), "/today");

        Response answer = given().auth().oauth2(Users.patient()).redirects().follow(false)
                .cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", "forged" + page.csrfToken())
                .when().post("/logout");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.getHeader("Location")).isNull();
    }

    /** With the token, the browser goes on to Keycloak's end-session endpoint, which returns it to /signed-out. */
    @Test
    void signOutPostWithCsrfTokenEndsTheSessionAtKeycloak() {
        StubServices.json("GET", "/api/me/today", Fixtures.today(false));
        Pages.Form page = Pages.get(Users.patient(), "/today");
        assertThat(page.csrfToken()).isNotBlank();

        Response answer = given().auth().oauth2(Users.patient()).redirects().follow(false)
                .cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .when().post("/logout");

        assertThat(answer.statusCode()).isEqualTo(303);
        URI keycloak = URI.create(answer.getHeader("Location"));
        assertThat(keycloak.getPath()).isEqualTo("/realms/clinic/protocol/openid-connect/logout");
        assertThat(URLDecoder.decode(keycloak.getRawQuery(), StandardCharsets.UTF_8))
                .matches("post_logout_redirect_uri=http://localhost:\\d+/signed-out");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/signed-out", "/css/app.css", "/js/app.js"}) {
            given().when().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("style-src 'self';"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Referrer-Policy", equalTo("same-origin"));
        }
        given().when().get("/signed-out").then().header("Cache-Control", equalTo("no-store"));
        // the login redirect too (answered by authentication, before any page)
        given().redirects().follow(false).when().get("/today").then().statusCode(302)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void pagesHaveNoInlineScriptOrStyle() {
        StubServices.json("GET", "/api/me/today", Fixtures.today(false));
        StubServices.json("GET", "/api/exercises", Fixtures.exercisesBySlug(Fixtures.WALL_EXTENSION, Fixtures.CAT_COW));

        String html = given().auth().oauth2(Users.patient()).when().get("/today").then().statusCode(200)
                .extract().asString();

        assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
                .doesNotContain(" style=\"")
                .doesNotContain("<style")
                .doesNotContainPattern("\\son[a-z]+=\"");
    }

    /**
     * Static files are cached as immutable for a day, so every URL the layout loads carries a
     * version made from the file's content: an upgrade changes the URL of every changed file.
     */
    @Test
    void theLayoutLoadsItsFilesByContentVersionedUrlsThatAreServed() throws Exception {
        String html = given().when().get("/signed-out").then().statusCode(200).extract().asString();
        List<String> files = List.of("/css/app.css", "/js/app.js", "/img/logo.svg",
                "/webjars/picocss__pico/css/pico.min.css", "/webjars/htmx.org/dist/htmx.min.js");
        for (String file : files) {
            Matcher url = Pattern.compile("(?:href|src)=\"(" + Pattern.quote(file) + "\\?v=([0-9a-f]{12}))\"")
                    .matcher(html);
            assertThat(url.find()).as("a versioned URL for %s in %s", file, html).isTrue();
            byte[] served = given().urlEncodingEnabled(false).when().get(url.group(1)).then().statusCode(200)
                    .header("Cache-Control", containsString("max-age")).extract().asByteArray();
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(served));
            assertThat(digest).as("the version of %s is its content's", file).startsWith(url.group(2));
        }
        assertThat(html).doesNotContainPattern("(?:href|src)=\"/(?:css|js|img|webjars)/[^\"?]+\"");
    }

    @Test
    void webjarsAreServedWithoutVersionInThePath() {
        given().when().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200);
        given().when().get("/webjars/picocss__pico/css/pico.min.css").then().statusCode(200);
    }
}

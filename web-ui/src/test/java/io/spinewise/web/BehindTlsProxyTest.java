package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * web-ui behind a proxy that ends TLS (compose's or the Kubernetes Ingress): when the trusted proxy
 * (here the tests' own address, 127.0.0.1, application.properties' default) says the browser came
 * over https, every cookie web-ui sets is {@code Secure} and answers carry
 * {@code Strict-Transport-Security}; over plain http without the header neither, so a local
 * {@code http://localhost} keeps working. A caller that is not the trusted proxy: {@link AsDeployedTest}.
 */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class BehindTlsProxyTest {

    private static final String HTTPS_PUBLIC_HOST = "app.clinic.example";

    @BeforeEach
    void clean() {
        StubServices.reset();
    }

    @Test
    void overHttpsTheLoginStateCookieIsSecureAndTheRedirectUriIsThePublicHttpsOne() {
        Response login = throughTheProxy().when().get("/today");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertEveryCookieSecure(login, "q_auth");
        assertThat(login.getHeader("Location")).contains("redirect_uri=https%3A%2F%2F" + HTTPS_PUBLIC_HOST + "%2Fcallback");
    }

    @Test
    void overHttpsThePageAndItsCsrfCookieAreSecure() {
        StubServices.json("GET", "/api/me/today", Fixtures.today(false));

        Response page = throughTheProxy().auth().oauth2(Users.patient()).when().get("/today");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertEveryCookieSecure(page, "csrf-token");
    }

    @Test
    void overPlainHttpNothingIsMarkedSecure() {
        StubServices.json("GET", "/api/me/today", Fixtures.today(false));

        Response login = given().redirects().follow(false).when().get("/today");
        Response page = given().redirects().follow(false).auth().oauth2(Users.patient()).when().get("/today");

        for (Response answer : List.of(login, page)) {
            assertThat(answer.getHeader("Strict-Transport-Security")).isNull();
            assertThat(answer.getHeaders().getValues("Set-Cookie")).isNotEmpty()
                    .noneMatch(cookie -> cookie.toLowerCase().contains("; secure"));
        }
    }

    private static RequestSpecification throughTheProxy() {
        return given().redirects().follow(false)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", HTTPS_PUBLIC_HOST);
    }

    private static void assertEveryCookieSecure(Response answer, String expectedCookie) {
        List<String> cookies = answer.getHeaders().getValues("Set-Cookie");
        assertThat(cookies).anyMatch(cookie -> cookie.startsWith(expectedCookie))
                .allMatch(cookie -> cookie.toLowerCase().contains("; secure"), "Secure");
    }
}

package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * web-ui configured the way compose and Kubernetes run it: it reaches Keycloak through an internal
 * URL (here the stub's) while Keycloak sends browsers to its public host name (the discovered login
 * and logout endpoints, here {@value #PUBLIC_LOGIN}), and TLS ends at a proxy at another address
 * than the caller's. The browser-facing origin must be the one the CSP lets forms go to, or the
 * browser blocks the redirect to Keycloak's logout and the Keycloak session outlives the sign-out.
 */
@QuarkusTest
@TestProfile(AsDeployedTest.SplitKeycloakUrls.class)
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class AsDeployedTest {

    static final String PUBLIC_LOGIN = "https://login.clinic.example";

    /** Absolute endpoint URLs, as discovery gives them when Keycloak's hostname is not the URL web-ui uses. */
    public static class SplitKeycloakUrls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.authorization-path", PUBLIC_LOGIN + "/realms/clinic/protocol/openid-connect/auth",
                    "quarkus.oidc.end-session-path", PUBLIC_LOGIN + "/realms/clinic/protocol/openid-connect/logout",
                    // compose's and Kubernetes' proxies (private ranges): the tests' own X-Forwarded-Proto from 127.0.0.1 must be ignored
                    "quarkus.http.proxy.trusted-proxies", "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16");
        }
    }

    @BeforeEach
    void clean() {
        StubServices.reset();
    }

    @Test
    void aSignedInPageLetsFormsGoToTheBrowserFacingLoginOriginNotTheInternalOne() {
        StubServices.json("GET", "/api/me/today", Fixtures.today(false));

        String policy = Pages.get(Users.patient(), "/today").response().getHeader("Content-Security-Policy");

        assertThat(formAction(policy)).isEqualTo("form-action 'self' " + PUBLIC_LOGIN);
    }

    @Test
    void signOutSendsTheBrowserToTheBrowserFacingLogout() {
        StubServices.json("GET", "/api/me/today", Fixtures.today(false));
        Pages.Form page = Pages.get(Users.patient(), "/today");

        Response answer = given().auth().oauth2(Users.patient()).redirects().follow(false)
                .cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .when().post("/logout");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.getHeader("Location")).startsWith(PUBLIC_LOGIN + "/realms/clinic/protocol/openid-connect/logout?");
    }

    @Test
    void httpsClaimedByACallerThatIsNotTheTrustedProxyIsIgnored() {
        Response login = given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .when().get("/today");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.getHeader("Strict-Transport-Security")).isNull();
        assertThat(login.getHeaders().getValues("Set-Cookie")).isNotEmpty()
                .noneMatch(cookie -> cookie.toLowerCase().contains("; secure"));
        assertThat(login.getHeader("Location")).contains("redirect_uri=http%3A%2F%2F");
    }

    private static String formAction(String policy) {
        for (String directive : policy.split(";")) {
            if (directive.trim().startsWith("form-action")) {
                return directive.trim();
            }
        }
        return "";
    }
}

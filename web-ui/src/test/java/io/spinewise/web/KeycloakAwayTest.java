package io.spinewise.web;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.spinewise.testsupport.SilentPort;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak hung (connections accepted, never answered): a visitor who is not signed in gets web-ui's
 * "sign-in is unavailable" page, a 503, within the probe's bounded wait, instead of being sent to a
 * Keycloak that would leave the browser loading forever; public pages and files never ask Keycloak.
 * With the real Keycloak, hung and stopped: fault-tests' KeycloakOutageIT.
 */
@QuarkusTest
@WithTestResource(KeycloakAwayTest.HungKeycloak.class)
class KeycloakAwayTest {

    /** Keycloak's address, hung for the whole class. */
    public static class HungKeycloak implements QuarkusTestResourceLifecycleManager {
        static final SilentPort KEYCLOAK = new SilentPort();

        @Override
        public Map<String, String> start() {
            KEYCLOAK.hang();
            return Map.of("quarkus.oidc.auth-server-url", KEYCLOAK.url() + "/realms/clinic");
        }

        @Override
        public void stop() {
            KEYCLOAK.close();
        }
    }

    @Test
    void aVisitorWhoIsNotSignedInGetsTheSignInUnavailablePageNotARedirectToAHungKeycloak() {
        long begin = System.nanoTime();
        Response answer = given().redirects().follow(false).when().get("/today");
        long millis = (System.nanoTime() - begin) / 1_000_000;

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.getHeader("Location")).isNull();
        assertThat(answer.getHeader("Retry-After")).isEqualTo("30");
        assertThat(answer.getHeader("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(answer.asString()).contains("Sign-in is temporarily unavailable").contains("try again in a minute")
                .doesNotContain("Exception");
        assertThat(millis).as("ms to answer").isLessThan(4_000);
    }

    @Test
    void publicPagesAndFilesAreServedWithoutAskingKeycloak() {
        int before = HungKeycloak.KEYCLOAK.connections();

        given().when().get("/signed-out").then().statusCode(200);
        given().when().get("/css/app.css").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);

        assertThat(HungKeycloak.KEYCLOAK.connections()).isEqualTo(before);
    }
}

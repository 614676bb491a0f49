package io.spinewise.plan;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.SilentPort;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.PROBLEM_JSON;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Keycloak down or hanging, with the real {@link io.spinewise.plan.client.KeycloakIdentityDirectory}
 * (not the tests' stand-in): enrolment answers a 503 problem that says to try again, after a
 * bounded wait, and saves nothing. "Keycloak" here is one local port for both the service
 * account's token endpoint and the Admin API, either closed or accepting connections and never
 * answering.
 */
@QuarkusTest
@TestProfile(KeycloakUnavailableTest.RealDirectory.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = KeycloakUnavailableTest.SilentKeycloak.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class KeycloakUnavailableTest {

    /** The real directory: the tests' {@link FakeIdentityDirectory} is left out of this application. */
    public static class RealDirectory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.arc.exclude-types", FakeIdentityDirectory.class.getName());
        }
    }

    @Test
    void aKeycloakThatAcceptsButNeverAnswersGivesA503WithinTheTimeout() {
        SilentKeycloak.PORT.hang();
        long started = System.nanoTime();
        Response answer = enrol("silent");
        long millis = (System.nanoTime() - started) / 1_000_000;
        refusedForNow(answer);
        answer.then().body("detail", containsString("did not answer in time"));
        // spinewise.plan.keycloak-timeout (6 s) bounds the wait; without it the request hung for good
        assertThat(millis).as("milliseconds until the answer").isBetween(5_000L, 15_000L);
        assertThat(SilentKeycloak.PORT.connections()).as("connections Keycloak's port accepted").isPositive();
        nothingSaved("silent");
    }

    @Test
    void aClosedKeycloakPortGivesA503AtOnce() {
        SilentKeycloak.PORT.close();
        long started = System.nanoTime();
        Response answer = enrol("closed");
        long millis = (System.nanoTime() - started) / 1_000_000;
        refusedForNow(answer);
        assertThat(millis).as("milliseconds until the answer").isLessThan(5_000);
        nothingSaved("closed");
    }

    /** Enrols a patient; the test's own HTTP client gives up after 30 s, so that a hang fails instead of blocking the build. */
    private static Response enrol(String lastName) {
        return as(NORTH_CHIRO).config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 30_000)))
                .body(Map.of("firstName", "Kim", "lastName", lastName, "timeZone", "Europe/Zurich",
                "email", "kim." + lastName + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org"))
                .post("/api/patients");
    }

    private static void refusedForNow(Response answer) {
        answer.then().statusCode(503).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:spinewise:problem:dependency-unavailable"))
                .body("detail", containsString("Nothing was saved"))
                .body("detail", containsString("try again"))
                .body(not(containsString("Exception")));
    }

    private static void nothingSaved(String lastName) {
        as(NORTH_CHIRO).get("/api/patients?q=" + lastName).then().statusCode(200).body("total", equalTo(0));
    }

    /** One TCP port standing for Keycloak's token endpoint and Admin API: hung or closed. */
    public static class SilentKeycloak implements QuarkusTestResourceLifecycleManager {

        static final SilentPort PORT = new SilentPort();

        @Override
        public Map<String, String> start() {
            return Map.of("quarkus.oidc-client.auth-server-url", PORT.url() + "/realms/clinic",
                    "quarkus.rest-client.keycloak-admin.url", PORT.url());
        }

        @Override
        public void stop() {
            PORT.close();
        }
    }
}

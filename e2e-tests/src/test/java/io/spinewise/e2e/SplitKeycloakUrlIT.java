package io.spinewise.e2e;

import io.spinewise.launcher.Platform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-out where web-ui reaches Keycloak through one URL and browsers through another, as in compose
 * ({@code http://keycloak:8080} inside, the public host name outside) and Kubernetes: a second web-ui
 * talks to Keycloak at {@code http://127.0.0.1:8180} while Keycloak's host name, and so the login and
 * logout pages the browser is sent to, is {@code http://localhost:8180}. Chromium must be let through
 * to Keycloak's logout (the CSP's {@code form-action}), or Keycloak's session outlives the sign-out
 * and the next visit is signed straight back in without a password.
 */
class SplitKeycloakUrlIT {

    private static final String KEYCLOAK = "http://localhost:" + Platform.KEYCLOAK_PORT;
    private static final String INTERNAL_KEYCLOAK = "http://127.0.0.1:" + Platform.KEYCLOAK_PORT;

    @Test
    void signingOutOfAWebUiThatReachesKeycloakInternallyAsksForThePasswordNextTime() {
        RunningPlatform.get();
        try (SecondWebUi web = SecondWebUi.start("web-ui-internal-keycloak",
                Map.of("quarkus.oidc.auth-server-url", INTERNAL_KEYCLOAK + "/realms/clinic"));
             WebUiClientAllows allowed = new WebUiClientAllows(web.url());
             Browser browser = new Browser()) {
            browser.open(web.url() + "/today");
            assertThat(browser.onKeycloakLogin()).as("Keycloak's login page at its public URL, at " + browser.url()).isTrue();
            browser.signIn("patient.petra", "demo");
            browser.waitFor(d -> browser.url().startsWith(web.url() + "/today"));

            browser.click("form[action='/logout'] button");
            try {
                browser.waitFor(d -> browser.url().equals(web.url() + "/signed-out"), Duration.ofSeconds(15));
            } catch (RuntimeException e) {
                browser.saveForDiagnosis("failed-split-keycloak-url-sign-out");
                throw new AssertionError("sign-out did not come back from Keycloak's logout to /signed-out; the browser is at "
                        + browser.url(), e);
            }

            browser.open(web.url() + "/today");
            assertThat(browser.onKeycloakLogin())
                    .as("Keycloak asks for the password again after sign-out, instead of signing back in; at " + browser.url())
                    .isTrue();
        }
    }

    /**
     * For the test's duration, Keycloak's web-ui client also allows the second web-ui's login and
     * post-logout redirects (the realm names only the platform's web-ui); the client is put back after.
     */
    private static final class WebUiClientAllows implements AutoCloseable {

        private final String clientUrl;
        private final Map<String, Object> original;

        @SuppressWarnings("unchecked")
        WebUiClientAllows(String webUrl) {
            String clients = KEYCLOAK + "/admin/realms/clinic/clients";
            String id = given().auth().oauth2(adminToken()).queryParam("clientId", "web-ui").get(clients)
                    .then().statusCode(200).extract().path("[0].id");
            this.clientUrl = clients + "/" + id;
            this.original = given().auth().oauth2(adminToken()).get(clientUrl).then().statusCode(200)
                    .extract().as(Map.class);
            Map<String, Object> widened = new HashMap<>(original);
            List<Object> redirects = new ArrayList<>((List<?>) original.get("redirectUris"));
            redirects.add(webUrl + "/*");
            widened.put("redirectUris", redirects);
            Map<String, Object> attributes = new HashMap<>((Map<String, Object>) original.get("attributes"));
            Object postLogout = attributes.get("post.logout.redirect.uris");
            attributes.put("post.logout.redirect.uris", (postLogout == null ? "" : postLogout + "##") + webUrl + "/*");
            widened.put("attributes", attributes);
            put(widened);
        }

        @Override
        public void close() {
            put(original);
        }

        private void put(Map<String, Object> client) {
            given().auth().oauth2(adminToken()).contentType("application/json").body(client).put(clientUrl)
                    .then().statusCode(204);
        }

        private static String adminToken() {
            return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                    .formParam("username", "admin").formParam("password", "admin")
                    .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                    .extract().path("access_token");
        }
    }
}

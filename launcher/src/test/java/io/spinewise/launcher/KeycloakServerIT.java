package io.spinewise.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.spinewise.launcher.RealmKeycloak.PLAN_SERVICE_SECRET;
import static io.spinewise.launcher.RealmKeycloak.PROD_CHECK_REALM;
import static io.spinewise.launcher.RealmKeycloak.REALM;
import static io.spinewise.launcher.RealmKeycloak.WEB_UI_CALLBACK;
import static io.spinewise.launcher.RealmKeycloak.WEB_UI_SECRET;
import static io.spinewise.launcher.RealmKeycloak.bearer;
import static io.spinewise.launcher.RealmKeycloak.claims;
import static io.spinewise.launcher.RealmKeycloak.clientCredentials;
import static io.spinewise.launcher.RealmKeycloak.encode;
import static io.spinewise.launcher.RealmKeycloak.enrol;
import static io.spinewise.launcher.RealmKeycloak.json;
import static io.spinewise.launcher.RealmKeycloak.masterAdminToken;
import static io.spinewise.launcher.RealmKeycloak.passwordGrant;
import static io.spinewise.launcher.RealmKeycloak.patient;
import static io.spinewise.launcher.RealmKeycloak.send;
import static io.spinewise.launcher.RealmKeycloak.texts;
import static io.spinewise.launcher.RealmKeycloak.tokenRequest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Keycloak with the development realm (and the production realm under another name):
 * the tokens the services will see, and patient enrolment by plan-service through the enrolment
 * extension. Password grants cost about a second each (argon2), so tokens are fetched once per user.
 */
@ExtendWith(RealmKeycloak.class)
class KeycloakServerIT {

    private static final Map<String, JsonNode> TOKENS = new ConcurrentHashMap<>();
    private static final Pattern STYLESHEET = Pattern.compile("href=\"(/resources/[^\"]+\\.css)\"");

    @Test
    void chiropractorGetsPinnedIssuerRoleClinicAndServiceAudiences() throws Exception {
        JsonNode access = claims(demoLogin("dr.ada").get("access_token").asText());

        assertThat(access.get("iss").asText()).isEqualTo(keycloak().issuer(REALM));
        assertThat(texts(access.at("/realm_access/roles"))).contains("chiropractor").doesNotContain("patient", "clinic-admin");
        assertThat(access.get("clinic_id").isTextual()).isTrue();
        assertThat(access.get("clinic_id").asText()).isEqualTo("north");
        assertThat(texts(access.get("aud"))).contains("catalog-service", "plan-service");
    }

    @Test
    void idTokenCarriesTheClinicToo() throws Exception {
        JsonNode id = claims(demoLogin("dr.ada").get("id_token").asText());

        assertThat(id.get("clinic_id").asText()).isEqualTo("north");
        assertThat(id.get("preferred_username").asText()).isEqualTo("dr.ada");
    }

    @Test
    void patientOfTheSouthClinicGetsPatientRoleAndClinicSouth() throws Exception {
        JsonNode access = claims(demoLogin("patient.sam").get("access_token").asText());

        assertThat(texts(access.at("/realm_access/roles"))).contains("patient").doesNotContain("chiropractor");
        assertThat(access.get("clinic_id").asText()).isEqualTo("south");
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        HttpResponse<String> response = passwordGrant(REALM, "admin.sol", "not-demo");

        // RFC 6749 section 5.2: invalid_grant is a 400
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(response).get("error_description").asText()).isEqualTo("Invalid user credentials");
    }

    @Test
    void planServiceEnrolsPatientWhoChoosesOwnPasswordAtFirstLogin() throws Exception {
        String serviceToken = clientCredentials(REALM, "plan-service", PLAN_SERVICE_SECRET);
        String email = "quinn.it-" + UUID.randomUUID().toString().substring(0, 8) + "@north.example";
        String oneTimePassword = "one-time-" + UUID.randomUUID();

        HttpResponse<String> created = enrol(REALM, serviceToken, demoLogin("dr.ada").get("access_token").asText(),
                patient(email, "Quinn", "Test", oneTimePassword));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asText();
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/spinewise-enrolment/patients/" + id);

        JsonNode stored = json(send(bearer(RealmKeycloak.adminUrl(REALM) + "/users/" + id, masterAdminToken())));
        assertThat(stored.get("username").asText()).isEqualTo(email);
        assertThat(texts(stored.at("/attributes/clinic_id"))).containsExactly("north");
        assertThat(texts(stored.get("requiredActions"))).containsExactly("UPDATE_PASSWORD");

        // a one-time password cannot be used for a password grant: the account is "not fully set up"
        HttpResponse<String> grant = passwordGrant(REALM, email, oneTimePassword);
        assertThat(grant.statusCode()).isEqualTo(400);
        assertThat(json(grant).get("error_description").asText()).isEqualTo("Account is not fully set up");

        // in the browser the patient signs in with it, is asked for a new password, and is then logged in
        String token = new KeycloakLogins(keycloak().issuer(REALM))
                .firstLogin(email, oneTimePassword, "Chosen-by-patient-1", "web-ui", WEB_UI_SECRET, WEB_UI_CALLBACK);
        JsonNode access = claims(token);
        assertThat(access.get("preferred_username").asText()).isEqualTo(email);
        assertThat(texts(access.at("/realm_access/roles"))).contains("patient");
        assertThat(access.get("clinic_id").asText()).isEqualTo("north");
        assertThat(access.get("iss").asText()).isEqualTo(keycloak().issuer(REALM));
    }

    @Test
    void planServiceAccountCannotReadClientsOrRoles() throws Exception {
        String serviceToken = clientCredentials(REALM, "plan-service", PLAN_SERVICE_SECRET);

        for (String path : new String[] {"/clients", "/roles"}) {
            HttpResponse<String> response = send(bearer(RealmKeycloak.adminUrl(REALM) + path, serviceToken));
            assertThat(response.statusCode()).as("GET %s", path).isEqualTo(403);
        }
    }

    @Test
    void productionRealmTakesSecretsFromTheEnvironmentAndHasNoDevelopmentAccess() throws Exception {
        assertThat(tokenRequest(PROD_CHECK_REALM, Map.of("grant_type", "client_credentials", "client_id", "plan-service",
                "client_secret", PLAN_SERVICE_SECRET)).statusCode()).as("development secret").isEqualTo(401);
        assertThat(passwordGrant(PROD_CHECK_REALM, "dr.ada", "demo").statusCode()).as("clinic-cli").isEqualTo(401);

        // the web UI's address placeholder fell back to http://localhost:8080
        HttpResponse<String> login = send(HttpRequest.newBuilder(authorizationUri(PROD_CHECK_REALM, WEB_UI_CALLBACK)));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    }

    @Test
    void onlyTheExactRedirectUriIsAccepted() throws Exception {
        for (String realm : new String[] {REALM, PROD_CHECK_REALM}) {
            for (String elsewhere : new String[] {"http://localhost:8080/callback/../admin", "http://localhost:8080/reports",
                    "http://localhost:8080/callback-evil", "http://localhost:8080/callback?next=https://evil.example"}) {
                HttpResponse<String> login = send(HttpRequest.newBuilder(authorizationUri(realm, elsewhere)));
                assertThat(login.statusCode()).as("%s in realm %s", elsewhere, realm).isEqualTo(400);
                assertThat(login.body()).contains("Invalid parameter: redirect_uri");
            }
        }
    }

    @Test
    void loginThemeIsCachedAsInProduction() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(authorizationUri(REALM, WEB_UI_CALLBACK)));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        Matcher stylesheet = STYLESHEET.matcher(login.body());
        assertThat(stylesheet.find()).as("a stylesheet of the login theme in %s", login.body()).isTrue();

        // start-dev alone answers "no-cache" here (and re-compiles the templates on every page)
        HttpResponse<String> css = send(HttpRequest.newBuilder(URI.create(keycloak().baseUrl() + stylesheet.group(1))));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control").orElse("")).contains("max-age=2592000");
    }

    private static URI authorizationUri(String realm, String redirectUri) {
        return URI.create(keycloak().issuer(realm) + "/protocol/openid-connect/auth?" + encode(Map.of(
                "client_id", "web-ui", "response_type", "code", "scope", "openid",
                "redirect_uri", redirectUri, "state", UUID.randomUUID().toString())));
    }

    static JsonNode demoLogin(String username) {
        return TOKENS.computeIfAbsent(username, name -> {
            try {
                HttpResponse<String> response = passwordGrant(REALM, name, "demo");
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                return json(response);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static KeycloakServer keycloak() {
        return RealmKeycloak.server();
    }
}

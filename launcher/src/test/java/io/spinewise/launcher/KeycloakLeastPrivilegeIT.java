package io.spinewise.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.spinewise.launcher.KeycloakServerIT.demoLogin;
import static io.spinewise.launcher.RealmKeycloak.PLAN_SERVICE_SECRET;
import static io.spinewise.launcher.RealmKeycloak.REALM;
import static io.spinewise.launcher.RealmKeycloak.adminUrl;
import static io.spinewise.launcher.RealmKeycloak.bearer;
import static io.spinewise.launcher.RealmKeycloak.claims;
import static io.spinewise.launcher.RealmKeycloak.clientCredentials;
import static io.spinewise.launcher.RealmKeycloak.enrol;
import static io.spinewise.launcher.RealmKeycloak.enrolmentUrl;
import static io.spinewise.launcher.RealmKeycloak.json;
import static io.spinewise.launcher.RealmKeycloak.jsonBody;
import static io.spinewise.launcher.RealmKeycloak.masterAdminToken;
import static io.spinewise.launcher.RealmKeycloak.patient;
import static io.spinewise.launcher.RealmKeycloak.send;
import static io.spinewise.launcher.RealmKeycloak.texts;
import static io.spinewise.launcher.RealmKeycloak.tokenRequest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * plan-service's real client secret against the real Keycloak: its service account administers
 * nobody through the Admin API, and the enrolment extension enrols only with a valid staff
 * token, only into that staff member's clinic, and takes back only what it just created.
 */
@ExtendWith(RealmKeycloak.class)
class KeycloakLeastPrivilegeIT {

    private static final String PASSWORD = "One-time-pass-2026";
    private static String service;
    private static String admin;

    @BeforeAll
    static void tokens() throws Exception {
        service = clientCredentials(REALM, "plan-service", PLAN_SERVICE_SECRET);
        admin = masterAdminToken();
    }

    // --- the Admin API: nothing ---

    @Test
    void serviceAccountCannotCreateAUserLetAloneStaff() throws Exception {
        String username = "admin.mallory-" + suffix();
        HttpResponse<String> created = send(jsonBody(bearer(adminUrl(REALM) + "/users", service), "POST", """
                {"username": "%s", "enabled": true, "firstName": "Mallory", "lastName": "Admin",
                 "attributes": {"clinic_id": ["north"]}, "realmRoles": ["clinic-admin"],
                 "credentials": [{"type": "password", "value": "Mallory-chose-1", "temporary": false}]}
                """.formatted(username)));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(403);
        assertThat(usersNamed(username)).isEmpty();
    }

    @Test
    void serviceAccountCannotResetAStaffPassword() throws Exception {
        HttpResponse<String> reset = send(jsonBody(bearer(adminUrl(REALM) + "/users/" + userId("dr.ada") + "/reset-password",
                service), "PUT", """
                {"type": "password", "value": "Mallory-chose-1", "temporary": false}
                """));

        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(403);
    }

    @Test
    void serviceAccountCannotReadAnyClinicsUsers() throws Exception {
        for (String path : new String[] {"/users", "/users?q=clinic_id:south", "/users?search=example",
                "/users/count", "/users/" + userId("patient.sam")}) {
            HttpResponse<String> read = send(bearer(adminUrl(REALM) + path, service));
            assertThat(read.statusCode()).as("GET %s: %s", path, read.body()).isEqualTo(403);
        }
    }

    @Test
    void serviceAccountCannotMoveAUserToAnotherClinicOrGiveARole() throws Exception {
        String paul = adminUrl(REALM) + "/users/" + userId("patient.paul");
        HttpResponse<String> moved = send(jsonBody(bearer(paul, service), "PUT", """
                {"attributes": {"clinic_id": ["south"]}}
                """));
        String clinicAdmin = send(bearer(adminUrl(REALM) + "/roles/clinic-admin", admin)).body();
        HttpResponse<String> promoted = send(jsonBody(bearer(paul + "/role-mappings/realm", service), "POST",
                "[" + clinicAdmin + "]"));

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(403);
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(403);
        JsonNode stored = json(send(bearer(paul, admin)));
        assertThat(texts(stored.at("/attributes/clinic_id"))).containsExactly("north");
        assertThat(json(send(bearer(paul + "/role-mappings/realm", admin))).findValuesAsText("name"))
                .contains("patient").doesNotContain("clinic-admin");
    }

    // --- the extension: who may enrol ---

    @Test
    void theServiceSecretAloneEnrolsNobody() throws Exception {
        String email = "alone-" + suffix() + "@north.example";
        HttpResponse<String> answer = enrol(REALM, service, null, patient(email, "Al", "One", PASSWORD));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        assertThat(answer.body()).contains("X-Spinewise-Staff-Token");
        assertThat(usersNamed(email)).isEmpty();
    }

    @Test
    void aStaffTokenWithoutTheServiceAccountEnrolsNobody() throws Exception {
        String staff = staffToken("dr.ada");
        HttpResponse<String> answer = enrol(REALM, staff, staff, patient("direct-" + suffix() + "@north.example",
                "Di", "Rect", PASSWORD));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    }

    @Test
    void aPatientsTokenEnrolsNobody() throws Exception {
        HttpResponse<String> answer = enrol(REALM, service, staffToken("patient.paul"),
                patient("by-patient-" + suffix() + "@north.example", "By", "Patient", PASSWORD));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    }

    @Test
    void aStaffTokenWithAForgedClinicIsRefused() throws Exception {
        String[] parts = staffToken("dr.ada").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"clinic_id\":\"north\"", "\"clinic_id\":\"south\"");
        assertThat(payload).contains("\"clinic_id\":\"south\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        HttpResponse<String> answer = enrol(REALM, service, forged,
                patient("forged-" + suffix() + "@south.example", "For", "Ged", PASSWORD));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
    }

    @Test
    void anExpiredStaffTokenIsRefused() throws Exception {
        // a client of its own whose access tokens live one second, with the audience plan-service checks
        String clientId = "short-lived-" + suffix();
        HttpResponse<String> client = send(jsonBody(bearer(adminUrl(REALM) + "/clients", admin), "POST", """
                {"clientId": "%s", "publicClient": true, "directAccessGrantsEnabled": true, "standardFlowEnabled": false,
                 "attributes": {"access.token.lifespan": "1"},
                 "protocolMappers": [
                   {"name": "clinic_id", "protocol": "openid-connect", "protocolMapper": "oidc-usermodel-attribute-mapper",
                    "config": {"user.attribute": "clinic_id", "claim.name": "clinic_id", "jsonType.label": "String",
                               "access.token.claim": "true"}},
                   {"name": "audience plan-service", "protocol": "openid-connect", "protocolMapper": "oidc-audience-mapper",
                    "config": {"included.client.audience": "plan-service", "access.token.claim": "true"}}]}
                """.formatted(clientId)));
        assertThat(client.statusCode()).as(client.body()).isEqualTo(201);
        HttpResponse<String> grant = tokenRequest(REALM, Map.of("grant_type", "password", "client_id", clientId,
                "username", "dr.ada", "password", "demo"));
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(200);
        String shortLived = json(grant).get("access_token").asText();
        // while it lives, it passes: taking back an unknown id is a 404, not a 401
        assertThat(takeBack(shortLived, UUID.randomUUID().toString()).statusCode()).isEqualTo(404);

        Thread.sleep(2_500);

        HttpResponse<String> answer = enrol(REALM, service, shortLived,
                patient("expired-" + suffix() + "@north.example", "Ex", "Pired", PASSWORD));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
    }

    // --- the extension: what it does ---

    @Test
    void thePatientGoesIntoTheStaffMembersClinicAsAPatientOnly() throws Exception {
        String email = "southern-" + suffix() + "@south.example";
        HttpResponse<String> answer = enrol(REALM, service, staffToken("dr.ben"), patient(email, "Sou", "Thern", PASSWORD));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        String id = json(answer).get("id").asText();
        JsonNode stored = json(send(bearer(adminUrl(REALM) + "/users/" + id, admin)));
        assertThat(stored.get("username").asText()).isEqualTo(email);
        assertThat(texts(stored.at("/attributes/clinic_id"))).containsExactly("south");
        assertThat(texts(stored.get("requiredActions"))).containsExactly("UPDATE_PASSWORD");
        JsonNode roles = json(send(bearer(adminUrl(REALM) + "/users/" + id + "/role-mappings/realm/composite", admin)));
        assertThat(roles.findValuesAsText("name")).contains("patient").doesNotContain("clinic-admin", "chiropractor");
    }

    @Test
    void aBodyNamingAClinicOrRolesIsRefusedNotObeyed() throws Exception {
        String email = "sneaky-" + suffix() + "@south.example";
        HttpResponse<String> answer = enrol(REALM, service, staffToken("dr.ben"), """
                {"email": "%s", "firstName": "Sne", "lastName": "Aky", "temporaryPassword": "%s",
                 "clinic_id": "north", "attributes": {"clinic_id": ["north"]}, "realmRoles": ["clinic-admin"]}
                """.formatted(email, PASSWORD));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("clinic_id");
        assertThat(usersNamed(email)).isEmpty();
    }

    @Test
    void aTakenEmailIsAConflictInTheSameWordsWhicheverClinicHoldsIt() throws Exception {
        HttpResponse<String> ownClinic = enrol(REALM, service, staffToken("dr.ada"),
                patient("paul@north.example", "Paul", "Again", PASSWORD));
        HttpResponse<String> otherClinic = enrol(REALM, service, staffToken("dr.ada"),
                patient("sam@south.example", "Sam", "Again", PASSWORD));

        assertThat(ownClinic.statusCode()).isEqualTo(409);
        assertThat(otherClinic.statusCode()).isEqualTo(409);
        assertThat(otherClinic.body()).isEqualTo(ownClinic.body()).doesNotContain("south");
    }

    @Test
    void aNameTheUserProfileRefusesIsA400NamingTheFieldAndLeavesNoAccount() throws Exception {
        String email = "refused-" + suffix() + "@north.example";
        HttpResponse<String> answer = enrol(REALM, service, staffToken("dr.ada"),
                patient(email, "Petra", "Novak (Smith)", PASSWORD));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(json(answer).get("field").asText()).isEqualTo("lastName");
        assertThat(json(answer).get("errorMessage").asText()).isEqualTo("error-person-name-invalid-character");
        assertThat(usersNamed(email)).isEmpty();
    }

    @Test
    void onlyTheStaffMembersClinicMayTakeBackAFreshPatient() throws Exception {
        HttpResponse<String> created = enrol(REALM, service, staffToken("dr.ada"),
                patient("fresh-" + suffix() + "@north.example", "Fre", "Sh", PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asText();

        assertThat(takeBack(staffToken("dr.ben"), id).statusCode()).as("other clinic").isEqualTo(404);
        assertThat(takeBack(staffToken("dr.ada"), id).statusCode()).as("own clinic").isEqualTo(204);
        assertThat(send(bearer(adminUrl(REALM) + "/users/" + id, admin)).statusCode()).isEqualTo(404);
    }

    @Test
    void staffAndPatientsWhoSignedInCannotBeTakenBack() throws Exception {
        assertThat(takeBack(staffToken("dr.ada"), userId("admin.nora")).statusCode()).as("staff").isEqualTo(404);
        assertThat(takeBack(staffToken("dr.ada"), userId("patient.paul")).statusCode()).as("signed-in patient")
                .isEqualTo(409);
        assertThat(send(bearer(adminUrl(REALM) + "/users/" + userId("patient.paul"), admin)).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> takeBack(String staffToken, String id) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(enrolmentUrl(REALM) + "/" + id))
                .header("Authorization", "Bearer " + service)
                .header("X-Spinewise-Staff-Token", staffToken)
                .DELETE());
    }

    static String staffToken(String username) throws Exception {
        String token = demoLogin(username).get("access_token").asText();
        assertThat(claims(token).get("preferred_username").asText()).isEqualTo(username);
        return token;
    }

    static String userId(String username) throws Exception {
        JsonNode found = json(send(bearer(adminUrl(REALM) + "/users?exact=true&username=" + username, masterAdminToken())));
        assertThat(found).as(username).hasSize(1);
        return found.get(0).get("id").asText();
    }

    private static JsonNode usersNamed(String username) throws Exception {
        return json(send(bearer(adminUrl(REALM) + "/users?exact=true&username=" + username, admin)));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

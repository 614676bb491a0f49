package io.spinewise.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static io.spinewise.launcher.KeycloakLeastPrivilegeIT.staffToken;
import static io.spinewise.launcher.KeycloakLeastPrivilegeIT.userId;
import static io.spinewise.launcher.RealmKeycloak.PLAN_SERVICE_SECRET;
import static io.spinewise.launcher.RealmKeycloak.REALM;
import static io.spinewise.launcher.RealmKeycloak.adminUrl;
import static io.spinewise.launcher.RealmKeycloak.bearer;
import static io.spinewise.launcher.RealmKeycloak.clientCredentials;
import static io.spinewise.launcher.RealmKeycloak.enrol;
import static io.spinewise.launcher.RealmKeycloak.enrolmentUrl;
import static io.spinewise.launcher.RealmKeycloak.json;
import static io.spinewise.launcher.RealmKeycloak.jsonBody;
import static io.spinewise.launcher.RealmKeycloak.masterAdminToken;
import static io.spinewise.launcher.RealmKeycloak.patient;
import static io.spinewise.launcher.RealmKeycloak.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension's erasure of a patient's account against the real Keycloak with the realm: only a service
 * holding its client's {@code erase-patients} (not {@code enrol-patients}) for a clinic administrator of the
 * patient's clinic, only a patient, and a second call after success is a 404 that plan-service reads as done.
 */
@ExtendWith(RealmKeycloak.class)
class KeycloakErasureIT {

    private static final String PASSWORD = "One-time-pass-2026";
    private static String service;
    private static String admin;

    @BeforeAll
    static void tokens() throws Exception {
        service = clientCredentials(REALM, "plan-service", PLAN_SERVICE_SECRET);
        admin = masterAdminToken();
    }

    @Test
    void theClinicsAdministratorErasesItsPatientOnceAndAnotherCallIsA404() throws Exception {
        String id = freshNorthPatient();

        assertThat(erase(service, staffToken("admin.nora"), id).statusCode()).isEqualTo(204);

        assertThat(send(bearer(adminUrl(REALM) + "/users/" + id, admin)).statusCode()).as("account gone").isEqualTo(404);
        assertThat(erase(service, staffToken("admin.nora"), id).statusCode()).as("again").isEqualTo(404);
    }

    @Test
    void aChiropractorAPatientAndAnotherClinicsAdministratorEraseNobody() throws Exception {
        String id = freshNorthPatient();

        assertThat(erase(service, staffToken("dr.ada"), id).statusCode()).as("chiropractor").isEqualTo(403);
        assertThat(erase(service, staffToken("patient.paul"), id).statusCode()).as("patient").isEqualTo(403);
        assertThat(erase(service, staffToken("admin.sol"), id).statusCode()).as("other clinic").isEqualTo(404);
        assertThat(erase(service, null, id).statusCode()).as("no staff token").isEqualTo(401);
        assertThat(erase(staffToken("admin.nora"), staffToken("admin.nora"), id).statusCode()).as("no service")
                .isEqualTo(403);
        assertThat(send(bearer(adminUrl(REALM) + "/users/" + id, admin)).statusCode()).as("still there").isEqualTo(200);
    }

    @Test
    void staffAreNotPatientsToErase() throws Exception {
        assertThat(erase(service, staffToken("admin.nora"), userId("dr.ada")).statusCode()).isEqualTo(404);
        assertThat(erase(service, staffToken("admin.nora"), userId("admin.nora")).statusCode()).isEqualTo(404);
    }

    @Test
    void aServiceThatMayOnlyEnrolErasesNobody() throws Exception {
        // a confidential client of its own whose service account holds its own enrol-patients, not erase-patients
        String clientId = "enrol-only-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> client = send(jsonBody(bearer(adminUrl(REALM) + "/clients", admin), "POST", """
                {"clientId": "%s", "publicClient": false, "secret": "enrol-only-secret", "serviceAccountsEnabled": true,
                 "standardFlowEnabled": false, "directAccessGrantsEnabled": false}
                """.formatted(clientId)));
        assertThat(client.statusCode()).as(client.body()).isEqualTo(201);
        String clientUrl = client.headers().firstValue("Location").orElseThrow();
        assertThat(send(jsonBody(bearer(clientUrl + "/roles", admin), "POST", "{\"name\": \"enrol-patients\"}"))
                .statusCode()).isEqualTo(201);
        JsonNode role = json(send(bearer(clientUrl + "/roles/enrol-patients", admin)));
        String account = json(send(bearer(clientUrl + "/service-account-user", admin))).get("id").asText();
        String clientUuid = clientUrl.substring(clientUrl.lastIndexOf('/') + 1);
        assertThat(send(jsonBody(bearer(adminUrl(REALM) + "/users/" + account + "/role-mappings/clients/" + clientUuid,
                admin), "POST", "[" + role + "]")).statusCode()).isEqualTo(204);
        String enrolOnly = clientCredentials(REALM, clientId, "enrol-only-secret");
        String id = freshNorthPatient();

        HttpResponse<String> answer = erase(enrolOnly, staffToken("admin.nora"), id);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(answer.body()).contains("erase-patients");
        assertThat(send(bearer(adminUrl(REALM) + "/users/" + id, admin)).statusCode()).isEqualTo(200);
    }

    private static String freshNorthPatient() throws Exception {
        HttpResponse<String> created = enrol(REALM, service, staffToken("dr.ada"),
                patient("erase-me-" + UUID.randomUUID().toString().substring(0, 8) + "@north.example", "Era", "Sure",
                        PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asText();
    }

    private static HttpResponse<String> erase(String serviceToken, String staffToken, String id) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(enrolmentUrl(REALM) + "/" + id + "/erasure"))
                .POST(HttpRequest.BodyPublishers.noBody());
        request.header("Authorization", "Bearer " + serviceToken);
        if (staffToken != null) {
            request.header("X-Spinewise-Staff-Token", staffToken);
        }
        return send(request);
    }
}

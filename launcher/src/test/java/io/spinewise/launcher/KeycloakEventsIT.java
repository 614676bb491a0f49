package io.spinewise.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.UUID;

import static io.spinewise.launcher.KeycloakLeastPrivilegeIT.staffToken;
import static io.spinewise.launcher.KeycloakLeastPrivilegeIT.userId;
import static io.spinewise.launcher.RealmKeycloak.PLAN_SERVICE_SECRET;
import static io.spinewise.launcher.RealmKeycloak.PROD_CHECK_REALM;
import static io.spinewise.launcher.RealmKeycloak.REALM;
import static io.spinewise.launcher.RealmKeycloak.adminUrl;
import static io.spinewise.launcher.RealmKeycloak.bearer;
import static io.spinewise.launcher.RealmKeycloak.clientCredentials;
import static io.spinewise.launcher.RealmKeycloak.enrol;
import static io.spinewise.launcher.RealmKeycloak.json;
import static io.spinewise.launcher.RealmKeycloak.masterAdminToken;
import static io.spinewise.launcher.RealmKeycloak.patient;
import static io.spinewise.launcher.RealmKeycloak.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * User and admin events, read back from the running Keycloak: on, kept for a bounded time, and
 * an enrolment through the extension leaves an admin event naming the service account, the
 * staff member it acted for, and what was created.
 */
@ExtendWith(RealmKeycloak.class)
class KeycloakEventsIT {

    private static final long WEEK = 7 * 24 * 3600;
    private static final long NINETY_DAYS = 90 * 24 * 3600;

    @Test
    void bothRealmsKeepUserAndAdminEventsForABoundedTime() throws Exception {
        String admin = masterAdminToken();
        for (String realm : new String[] {REALM, PROD_CHECK_REALM}) {
            JsonNode config = json(send(bearer(adminUrl(realm) + "/events/config", admin)));
            assertThat(config.path("eventsEnabled").asBoolean()).as("user events of %s", realm).isTrue();
            assertThat(config.path("adminEventsEnabled").asBoolean()).as("admin events of %s", realm).isTrue();
            assertThat(config.path("adminEventsDetailsEnabled").asBoolean()).as("representations in %s", realm).isTrue();
        }
        assertThat(json(send(bearer(adminUrl(REALM) + "/events/config", admin))).path("eventsExpiration").asLong())
                .isEqualTo(WEEK);
        assertThat(json(send(bearer(adminUrl(PROD_CHECK_REALM) + "/events/config", admin))).path("eventsExpiration").asLong())
                .isEqualTo(NINETY_DAYS);
        assertThat(json(send(bearer(adminUrl(PROD_CHECK_REALM), admin))).at("/attributes/adminEventsExpiration").asText())
                .isEqualTo(Long.toString(NINETY_DAYS));
    }

    @Test
    void anEnrolmentLeavesAnAdminEventWithTheUserAndTheStaffMember() throws Exception {
        String service = clientCredentials(REALM, "plan-service", PLAN_SERVICE_SECRET);
        String email = "evented-" + UUID.randomUUID().toString().substring(0, 8) + "@north.example";
        HttpResponse<String> created = enrol(REALM, service, staffToken("dr.ada"),
                patient(email, "Eve", "Ented", "One-time-pass-2026"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asText();

        JsonNode events = json(send(bearer(adminUrl(REALM) + "/admin-events?resourceTypes=USER&operationTypes=CREATE"
                + "&resourcePath=users/" + id, masterAdminToken())));
        assertThat(events).as("admin events for users/%s", id).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.at("/authDetails/userId").asText()).isEqualTo(userId("service-account-plan-service"));
        assertThat(event.path("representation").asText()).contains(email, "north");
        assertThat(event.at("/details/enrolled_for_staff").asText()).isEqualTo(userId("dr.ada"));
    }

    @Test
    void aSignInIsAUserEvent() throws Exception {
        staffToken("admin.sol");

        JsonNode logins = json(send(bearer(adminUrl(REALM) + "/events?type=LOGIN&user=" + userId("admin.sol"),
                masterAdminToken())));
        assertThat(logins).as("LOGIN events of admin.sol").isNotEmpty();
        assertThat(logins.get(0).path("clientId").asText()).isEqualTo("clinic-cli");
    }
}

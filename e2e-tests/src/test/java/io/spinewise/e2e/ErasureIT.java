package io.spinewise.e2e;

import io.restassured.response.Response;
import io.spinewise.launcher.KeycloakLogins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.UUID;

import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.WEB;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

/**
 * A clinic administrator erases a patient on the Erasure page against the real services and Keycloak: the patient's
 * login is gone (Keycloak refuses the password), their still-valid token is refused by plan-service, the name is
 * gone from the patients list and the audit log, and the clinic's audit chain still verifies.
 */
@ExtendWith(PagesOnFailure.class)
class ErasureIT {

    private static final String PASSWORD = "Erase-me-please-2026";

    @Test
    void anAdministratorErasesAPatientWhoThenCannotSignInOrUseTheirToken() {
        String email = "edda." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Response enrolled = as(token("dr.ada")).body(Map.of("firstName", "Edda", "lastName", "Erasure", "email", email,
                "timeZone", "Europe/Berlin")).post(PLAN + "/api/patients");
        enrolled.then().statusCode(201);
        String id = enrolled.path("patient.id");
        String username = enrolled.path("login.username");
        String patientToken = RunningPlatform.logins().firstLogin(username, enrolled.path("login.temporaryPassword"),
                PASSWORD, "web-ui", "web-ui-dev-secret", WEB + "/callback");
        as(patientToken).get(PLAN + "/api/me").then().statusCode(200);

        Browser admin = SignedIn.as("admin.nora");
        admin.open(WEB + "/admin/reports");
        admin.click("nav a[href='/admin/erasure']");
        admin.type("#find", email);
        admin.submit("form.search-row button[type='submit']");
        admin.click(".erasure-choices details summary");
        assertThat(admin.text(".erasure-choices")).contains("Edda Erasure", email);
        assertThat(admin.seriousAccessibilityViolations()).as("axe-core on the erasure page").isEmpty();
        admin.click(".erasure-choices input[name='confirm']");
        admin.submit(".erasure-choices form button[type='submit']");
        assertThat(admin.text(".notice.success")).startsWith("Erased.");

        as(patientToken).get(PLAN + "/api/me").then().statusCode(403);
        assertThatThrownBy(() -> RunningPlatform.logins().accessToken(username, PASSWORD))
                .isInstanceOf(KeycloakLogins.LoginFailed.class);
        as(token("admin.nora")).get(PLAN + "/api/patients?q=" + email).then().statusCode(200).body("total", equalTo(0));
        as(token("admin.nora")).get(PLAN + "/api/audit?patient=" + id).then().statusCode(200)
                .body("items.action", hasItem("patient.erase"))
                .body("items.patientName", everyItem(equalTo("Erased patient")));
        as(token("admin.nora")).get(PLAN + "/api/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true));
    }
}

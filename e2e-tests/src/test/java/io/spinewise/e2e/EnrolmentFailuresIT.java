package io.spinewise.e2e;

import io.restassured.response.Response;
import io.spinewise.launcher.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.WEB;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enrolment's failure paths against the real Keycloak (plan-service's own tests use a stand-in):
 * a taken email answers 409 with a sentence that does not tell whose account it is, the same
 * whichever clinic holds it (and web-ui's form does not even say that an account exists); a name
 * Keycloak's user profile refuses answers 400 naming the field; a role mapping that fails leaves no
 * account. Checked in Keycloak through its
 * Admin API, in plan-service, and on the web-ui's enrolment form.
 */
@ExtendWith(PagesOnFailure.class)
class EnrolmentFailuresIT {

    private static final String KEYCLOAK = "http://localhost:" + Platform.KEYCLOAK_PORT;
    private static final String PROBLEM_JSON = "application/problem+json";
    private static String admin;

    @BeforeAll
    static void keycloakAdministrator() {
        RunningPlatform.get();
        admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }

    private static String email(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static Response enrol(String staff, String firstName, String lastName, String email) {
        return as(token(staff)).body(Map.of("firstName", firstName, "lastName", lastName, "email", email,
                "timeZone", "Europe/Zurich")).post(PLAN + "/api/patients");
    }

    /** Keycloak's users of realm clinic with exactly this email. */
    private static List<Map<String, Object>> keycloakUsers(String email) {
        return given().auth().oauth2(admin).queryParam("email", email).queryParam("exact", true)
                .get(KEYCLOAK + "/admin/realms/clinic/users").then().statusCode(200).extract().path("$");
    }

    private static int patientsFound(String staff, String text) {
        return as(token(staff)).get(PLAN + "/api/patients?q=" + text).then().statusCode(200).extract().path("total");
    }

    @Test
    void aTakenEmailAnswersTheSameWhicheverClinicHoldsIt() {
        String south = email("south.held");
        Response held = enrol("dr.ben", "Sunniva", "Southgate", south);
        held.then().statusCode(201);
        String north = email("north.held");
        enrol("dr.ada", "Norma", "Northcott", north).then().statusCode(201);

        Response fromOtherClinic = enrol("dr.ada", "Sunny", "Again", south);
        Response fromOwnClinic = enrol("dr.ada", "Norma", "Again", north);
        for (Response answer : List.of(fromOtherClinic, fromOwnClinic)) {
            answer.then().statusCode(409).contentType(PROBLEM_JSON);
            assertThat(answer.<String>path("detail")).contains("cannot be used for a new login").endsWith(".")
                    .doesNotContain("already exists", "account with");
            assertThat(answer.asString()).doesNotContain("south", "Southgate", "Sunniva", "Norma", "Northcott",
                    held.<String>path("patient.id"), keycloakUsers(south).get(0).get("id").toString());
        }
        // word for word the same: north cannot tell a south patient's address from one of its own
        assertThat(fromOtherClinic.asString()).isEqualTo(fromOwnClinic.asString());
        assertThat(keycloakUsers(south)).hasSize(1);
        assertThat(patientsFound("dr.ada", "Again")).isZero();

        // and on the enrolment form, by the email field: web-ui's neutral words, which do not even say that an
        // account exists, and the same page for the other clinic's address as for the own clinic's
        Browser chiropractor = SignedIn.as("dr.ada");
        fillEnrolment(chiropractor, "Sunny", "Again", south);
        assertThat(chiropractor.find("#email").getAttribute("aria-describedby")).isEqualTo("email-error");
        String otherClinicsError = chiropractor.text("#email-error");
        String otherClinicsPage = chiropractor.text("main").replace(south, "EMAIL").replace("Sunny", "NAME");
        fillEnrolment(chiropractor, "Norma", "Again", north);
        assertThat(chiropractor.text("#email-error")).isEqualTo(otherClinicsError)
                .startsWith("This email address cannot be used for a new login.").doesNotContain("already exists");
        assertThat(chiropractor.text("main").replace(north, "EMAIL").replace("Norma", "NAME")).isEqualTo(otherClinicsPage);
    }

    @Test
    void aNameKeycloaksUserProfileRefusesIsA400NamingTheField() {
        // plan-service refuses only < and > in names; the realm's person-name validator also refuses ( ) and more
        String email = email("paren");
        Response refused = enrol("dr.ada", "Anna", "Novak (Smith)", email);
        refused.then().statusCode(400).contentType(PROBLEM_JSON);
        assertThat(refused.<List<String>>path("violations.field")).containsExactly("lastName");
        assertThat(refused.<String>path("detail")).contains("lastName");
        assertThat(keycloakUsers(email)).isEmpty();
        assertThat(patientsFound("dr.ada", "Smith)")).isZero();

        Browser chiropractor = SignedIn.as("dr.ada");
        fillEnrolment(chiropractor, "Anna", "Novak (Smith)", email);
        assertThat(chiropractor.find("#lastName").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(chiropractor.text("#lastName-error")).contains("does not accept");
        assertThat(chiropractor.find("#lastName").getAttribute("value")).isEqualTo("Novak (Smith)");
        assertThat(keycloakUsers(email)).isEmpty();
    }

    /**
     * The realm role {@code patient} renamed for the duration of one enrolment: Keycloak's
     * enrolment extension finds no role to map and creates no user (one transaction), and
     * plan-service answers 503 with nothing saved. Role mappings are
     * by id, so renaming it back restores every patient's role (and tokens issued meanwhile are
     * not used).
     */
    @Test
    void aFailedRoleMappingLeavesNoAccount() {
        String hidden = "patient-renamed-" + UUID.randomUUID().toString().substring(0, 8);
        String email = email("rolemap");
        Response answer;
        renameRole("patient", hidden);
        try {
            answer = enrol("dr.ada", "Rolf", "Mapping", email);
        } finally {
            renameRole(hidden, "patient");
        }
        answer.then().statusCode(503).contentType(PROBLEM_JSON);
        assertThat(answer.<String>path("detail")).contains("Nothing was saved", "try again");
        assertThat(keycloakUsers(email)).as("the account created for " + email).isEmpty();
        assertThat(patientsFound("dr.ada", "Mapping")).isZero();
        // the role is back for everyone
        enrol("dr.ada", "Rolf", "Mapping", email).then().statusCode(201);
    }

    /** Renames a realm role, keeping the rest of it (its id, description and attributes). */
    private static void renameRole(String from, String to) {
        String role = KEYCLOAK + "/admin/realms/clinic/roles/";
        Map<String, Object> representation = new HashMap<>(given().auth().oauth2(admin).get(role + from)
                .then().statusCode(200).extract().<Map<String, Object>>path("$"));
        representation.put("name", to);
        given().auth().oauth2(admin).contentType("application/json").body(representation)
                .put(role + from).then().statusCode(204);
    }

    private static void fillEnrolment(Browser browser, String firstName, String lastName, String email) {
        browser.open(WEB + "/patients/new");
        browser.type("#firstName", firstName);
        browser.type("#lastName", lastName);
        browser.type("#email", email);
        new Select(browser.find("#timeZone")).selectByValue("Europe/Zurich");
        browser.click("form[action='/patients'] button[type='submit']");
        browser.waitFor(d -> !browser.findAll(".field-error").isEmpty());
    }
}

package io.spinewise.e2e;

import io.spinewise.launcher.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.spinewise.e2e.RunningPlatform.WEB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web-ui's error pages in the browser against the real services: an unknown patient and an
 * unknown address (404), a page number that is not one (400), and a signed-in account with no
 * Spinewise role (403, its own page) — never an exception or a blank page.
 */
@ExtendWith(PagesOnFailure.class)
class ErrorPagesIT {

    private static final String KEYCLOAK = "http://localhost:" + Platform.KEYCLOAK_PORT;

    @Test
    void unknownPagesAndUnreadableInputAnswerInWords() {
        Browser chiropractor = SignedIn.as("dr.ada");
        chiropractor.open(WEB + "/patients/" + UUID.randomUUID());
        assertThat(chiropractor.text("main h1")).isEqualTo("Not found");
        chiropractor.open(WEB + "/no-such-page");
        assertThat(chiropractor.text("main h1")).isEqualTo("Not found");
        assertThat(chiropractor.text("main")).contains("There is no such page");
        chiropractor.open(WEB + "/patients?page=second");
        assertThat(chiropractor.text("main h1")).isEqualTo("No such page");
        assertThat(chiropractor.text("main")).contains("“second” is not a page number").doesNotContain("Exception");
    }

    @Test
    void anAccountWithoutASpinewiseRoleIsToldSo() {
        String admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
        String username = "norole." + UUID.randomUUID().toString().substring(0, 8);
        String location = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("username", username, "email", username + "@example.org", "firstName", "No",
                        "lastName", "Role", "enabled", true, "emailVerified", true,
                        "attributes", Map.of("clinic_id", List.of("north")),
                        "credentials", List.of(Map.of("type", "password", "value", "No-role-2026", "temporary", false))))
                .post(KEYCLOAK + "/admin/realms/clinic/users").then().statusCode(201).extract().header("Location");
        try (Browser browser = new Browser()) {
            browser.openAs(WEB + "/", username, "No-role-2026");
            assertThat(browser.text("main h1")).isEqualTo("Your account has no Spinewise role yet");
            assertThat(browser.findAll("nav a[href='/patients'], nav a[href='/today'], nav a[href='/admin/reports']")).isEmpty();
        } finally {
            given().auth().oauth2(admin).delete(location).then().statusCode(204);
        }
    }
}

package io.spinewise.plan;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.common.security.Roles;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.NORTH_ADMIN;
import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.PROBLEM_JSON;
import static io.spinewise.plan.Users.SOUTH;
import static io.spinewise.plan.Users.SOUTH_ADMIN;
import static io.spinewise.plan.Users.anonymous;
import static io.spinewise.plan.Users.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * A patient's reminder settings over HTTP: the clinic's default until the patient chooses, quiet hours that
 * cross midnight, refusals that name the field, patients only (and administrators for the clinic default).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ReminderPreferencesTest {

    private static final String MINE = "/api/me/reminders";
    private static final String CLINIC_DEFAULT = "/api/clinic/reminder-default";

    @Test
    void aPatientHasTheClinicsDefaultUntilChoosingTheirOwn() {
        EnrolledPatient ida = Fixtures.enrol(NORTH_CHIRO, NORTH, "Ida", "Europe/Berlin");
        as(ida.token()).get(MINE).then().statusCode(200).body("chosen", is(false)).body("channels", empty())
                .body("remindAt", is("18:00")).body("quietFrom", nullValue()).body("emailAvailable", is(true));

        as(NORTH_ADMIN).body(Map.of("channels", List.of("EMAIL"), "remindAt", "08:15")).put(CLINIC_DEFAULT)
                .then().statusCode(200).body("channels", is(List.of("EMAIL"))).body("remindAt", is("08:15"));
        as(NORTH_ADMIN).get(CLINIC_DEFAULT).then().statusCode(200).body("remindAt", is("08:15"));
        as(SOUTH_ADMIN).get(CLINIC_DEFAULT).then().statusCode(200).body("channels", empty());
        as(ida.token()).get(MINE).then().statusCode(200).body("chosen", is(false))
                .body("channels", is(List.of("EMAIL"))).body("remindAt", is("08:15"));

        as(ida.token()).body(choice(List.of("PUSH", "EMAIL"), "19:30", "22:00", "07:00")).put(MINE)
                .then().statusCode(200).body("chosen", is(true)).body("channels", is(List.of("EMAIL", "PUSH")))
                .body("remindAt", is("19:30")).body("quietFrom", is("22:00")).body("quietUntil", is("07:00"));
        as(NORTH_ADMIN).body(Map.of("channels", List.of(), "remindAt", "09:00")).put(CLINIC_DEFAULT)
                .then().statusCode(200);
        as(ida.token()).get(MINE).then().statusCode(200).body("chosen", is(true)).body("remindAt", is("19:30"));

        as(ida.token()).body(choice(List.of(), "19:30", null, null)).put(MINE).then().statusCode(200)
                .body("channels", empty()).body("quietFrom", nullValue());
    }

    /** Its own clinic, so the defaults set here leave the other tests' clinics as they were. */
    @Test
    void goingBackToTheClinicsDefaultForgetsOnlyTheCallersOwnChoice() {
        String east = "east-" + UUID.randomUUID().toString().substring(0, 8);
        String eastChiro = TestIssuer.token(Roles.CHIROPRACTOR, east);
        String eastAdmin = TestIssuer.token(Roles.CLINIC_ADMIN, east);
        EnrolledPatient uma = Fixtures.enrol(eastChiro, east, "Uma", "Europe/Berlin");
        EnrolledPatient vic = Fixtures.enrol(eastChiro, east, "Vic", "Europe/Berlin");
        as(eastAdmin).body(Map.of("channels", List.of("EMAIL"), "remindAt", "08:15")).put(CLINIC_DEFAULT)
                .then().statusCode(200);
        as(uma.token()).body(choice(List.of("PUSH"), "19:30", "22:00", "07:00")).put(MINE).then().statusCode(200);
        as(vic.token()).body(choice(List.of(), "20:00", null, null)).put(MINE).then().statusCode(200);

        as(uma.token()).delete(MINE).then().statusCode(204);
        as(uma.token()).get(MINE).then().statusCode(200).body("chosen", is(false))
                .body("channels", is(List.of("EMAIL"))).body("remindAt", is("08:15")).body("quietFrom", nullValue());
        as(uma.token()).delete(MINE).then().statusCode(204);
        as(eastAdmin).get("/api/audit?size=100&patient=" + uma.id()).then().statusCode(200)
                .body("items.findAll { it.action == 'me.reminders.reset' }.outcome", is(List.of("SUCCESS", "SUCCESS")));
        as(vic.token()).get(MINE).then().statusCode(200).body("chosen", is(true)).body("channels", empty())
                .body("remindAt", is("20:00"));

        as(eastAdmin).body(Map.of("channels", List.of(), "remindAt", "09:45")).put(CLINIC_DEFAULT)
                .then().statusCode(200);
        as(uma.token()).get(MINE).then().statusCode(200).body("chosen", is(false)).body("channels", empty())
                .body("remindAt", is("09:45"));
        as(eastChiro).delete(MINE).then().statusCode(403);
        anonymous().delete(MINE).then().statusCode(401);
    }

    @Test
    void aPatientWithoutAnEmailAddressIsToldThatNoMailComes() {
        String token = TestIssuer.token(UUID.randomUUID().toString(), "patient", NORTH);
        as(token).get(MINE).then().statusCode(200).body("emailAvailable", is(false));
    }

    @Test
    void badChoicesAreRefusedNamingTheField() {
        EnrolledPatient ola = Fixtures.enrol(NORTH_CHIRO, NORTH, "Ola", "Europe/Berlin");
        as(ola.token()).body(choice(List.of("EMAIL"), "25:00", null, null)).put(MINE).then().statusCode(400)
                .contentType(PROBLEM_JSON).body(containsString("remindAt"));
        as(ola.token()).body(choice(List.of("EMAIL"), "07:00", "22:00", null)).put(MINE).then().statusCode(400)
                .contentType(PROBLEM_JSON).body(containsString("quietUntil"));
        as(ola.token()).body(choice(null, "07:00", null, null)).put(MINE).then().statusCode(400)
                .contentType(PROBLEM_JSON).body(containsString("channels"));
        as(ola.token()).body(choice(List.of("SMS"), "07:00", null, null)).put(MINE).then().statusCode(400)
                .contentType(PROBLEM_JSON).body(containsString("channels"));
        as(NORTH_ADMIN).body(Map.of("channels", List.of("EMAIL"), "remindAt", "7 pm")).put(CLINIC_DEFAULT)
                .then().statusCode(400).contentType(PROBLEM_JSON).body(containsString("remindAt"));
        as(ola.token()).get(MINE).then().statusCode(200).body("chosen", is(false));
    }

    @Test
    void onlyPatientsHaveRemindersAndOnlyAdministratorsSetTheClinicDefault() {
        anonymous().get(MINE).then().statusCode(401);
        as(NORTH_CHIRO).get(MINE).then().statusCode(403);
        as(NORTH_CHIRO).body(Map.of("channels", List.of(), "remindAt", "09:00")).put(CLINIC_DEFAULT)
                .then().statusCode(403);
        anonymous().get(CLINIC_DEFAULT).then().statusCode(401);
        EnrolledPatient eve = Fixtures.enrol(NORTH_CHIRO, NORTH, "Eve", "Europe/Berlin");
        as(eve.token()).get(CLINIC_DEFAULT).then().statusCode(403);
        as(Users.SOUTH_CHIRO).get("/api/patients/" + eve.id() + "/reminders").then().statusCode(404);
        as(NORTH_CHIRO).get("/api/patients/" + eve.id() + "/reminders").then().statusCode(200)
                .body("total", is(0));
        as(TestIssuer.token("patient", SOUTH)).get("/api/me/reminders/sent").then().statusCode(200)
                .body("items", empty());
    }

    static Map<String, Object> choice(List<String> channels, String remindAt, String quietFrom, String quietUntil) {
        Map<String, Object> body = new HashMap<>();
        body.put("channels", channels);
        body.put("remindAt", remindAt);
        body.put("quietFrom", quietFrom);
        body.put("quietUntil", quietUntil);
        return body;
    }
}

package io.spinewise.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.spinewise.launcher.KeycloakLogins;
import io.spinewise.launcher.Platform;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.CATALOG;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Real Keycloak tokens against the real services: clinics and patients stay apart, bad tokens are refused. */
class TenantIsolationIT {

    private static String paulId;

    @BeforeAll
    static void northHasPaul() {
        // patient.paul's record is provisioned from his token on his first call
        paulId = as(token("patient.paul")).get(PLAN + "/api/me").then().statusCode(200).extract().path("id");
    }

    @Test
    void aPatientOfSouthSeesNothingOfNorth() {
        as(token("patient.sam")).get(PLAN + "/api/patients/" + paulId).then().statusCode(403);
        as(token("patient.sam")).get(PLAN + "/api/patients/" + paulId + "/adherence").then().statusCode(403);
        as(token("patient.sam")).get(PLAN + "/api/me").then().statusCode(200).body("id", not(equalTo(paulId)));
    }

    @Test
    void aChiropractorOfSouthCannotReachNorthsPatients() {
        as(token("dr.ben")).get(PLAN + "/api/patients/" + paulId).then().statusCode(404);
        as(token("dr.ben")).get(PLAN + "/api/dashboard?size=100").then().statusCode(200)
                .body("items.patientId", not(hasItem(paulId)));
    }

    @Test
    void aPatientCannotPrescribe() {
        as(token("patient.paul")).body(Map.of("routine", "mid-back-relief", "schedule", Map.of("startDate", "2026-01-05")))
                .post(PLAN + "/api/patients/" + paulId + "/plans").then().statusCode(403);
    }

    @Test
    void theCatalogKeepsClinicsApart() {
        Map<String, Object> exercise = Map.of("slug", "north-only-e2e", "name", "North only", "bodyRegion", "THORACIC",
                "category", "MOBILITY", "summary", "Only for the north clinic.", "steps", List.of("Move."),
                "position", "STANDING", "dosage", Map.of("sets", 1, "sides", "BOTH"), "status", "PUBLISHED");
        as(token("dr.ada")).body(exercise).post(CATALOG + "/api/exercises").then().statusCode(201);
        as(token("patient.paul")).get(CATALOG + "/api/exercises/north-only-e2e").then().statusCode(200);
        as(token("patient.sam")).get(CATALOG + "/api/exercises/north-only-e2e").then().statusCode(404);
        as(token("dr.ben")).get(CATALOG + "/api/exercises?size=100").then().statusCode(200)
                .body("items.slug", everyItem(not(equalTo("north-only-e2e"))));
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        String keycloak = "http://localhost:" + Platform.KEYCLOAK_PORT;
        String admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(keycloak + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
        // a realm whose tokens live two seconds, for one login only
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("accessTokenLifespan", 2))
                .put(keycloak + "/admin/realms/clinic").then().statusCode(204);
        String shortLived;
        try {
            shortLived = new KeycloakLogins(RunningPlatform.ISSUER).accessToken("dr.ben", "demo");
        } finally {
            given().auth().oauth2(admin).contentType("application/json").body(Map.of("accessTokenLifespan", 300))
                    .put(keycloak + "/admin/realms/clinic").then().statusCode(204);
        }
        as(shortLived).get(PLAN + "/api/dashboard").then().statusCode(200);
        Thread.sleep(4000);
        as(shortLived).get(PLAN + "/api/dashboard").then().statusCode(401);
        as(shortLived).get(CATALOG + "/api/exercises").then().statusCode(401);
    }

    @Test
    void tamperedTokensAreRefused() {
        String good = token("dr.ada");
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        given().auth().oauth2(tampered).get(PLAN + "/api/dashboard").then().statusCode(401);
        given().auth().oauth2(tampered).get(CATALOG + "/api/exercises").then().statusCode(401);
        given().auth().oauth2(good.substring(0, good.length() - 4) + "AAAA").get(PLAN + "/api/dashboard").then().statusCode(401);
        given().get(PLAN + "/api/dashboard").then().statusCode(401);
    }
}

package io.spinewise.plan;

import io.restassured.specification.RequestSpecification;
import io.spinewise.common.security.Roles;
import io.spinewise.testsupport.TestIssuer;

import static io.restassured.RestAssured.given;

/** The callers of the plan-service tests: staff of two clinics, with signed tokens. */
final class Users {

    static final String NORTH = "north";
    static final String SOUTH = "south";

    static final String NORTH_CHIRO = TestIssuer.token(Roles.CHIROPRACTOR, NORTH);
    static final String NORTH_ADMIN = TestIssuer.token(Roles.CLINIC_ADMIN, NORTH);
    static final String SOUTH_CHIRO = TestIssuer.token(Roles.CHIROPRACTOR, SOUTH);
    static final String SOUTH_ADMIN = TestIssuer.token(Roles.CLINIC_ADMIN, SOUTH);

    static final String PROBLEM_JSON = "application/problem+json";

    private Users() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    static RequestSpecification anonymous() {
        return given().contentType("application/json");
    }

    /** A patient's token: the subject is the one the identity directory gave the account. */
    static String patientToken(String subject, String clinic) {
        return TestIssuer.token(subject, Roles.PATIENT, clinic);
    }
}

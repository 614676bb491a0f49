package io.spinewise.catalog;

import io.restassured.specification.RequestSpecification;
import io.spinewise.common.security.Roles;
import io.spinewise.testsupport.TestIssuer;

import static io.restassured.RestAssured.given;

/** The callers of the catalog tests: staff and patients of two clinics, with signed tokens. */
final class Users {

    static final String NORTH = "north";
    static final String SOUTH = "south";

    static final String NORTH_CHIRO = TestIssuer.token(Roles.CHIROPRACTOR, NORTH);
    static final String NORTH_ADMIN = TestIssuer.token(Roles.CLINIC_ADMIN, NORTH);
    static final String NORTH_PATIENT = TestIssuer.token(Roles.PATIENT, NORTH);
    static final String SOUTH_CHIRO = TestIssuer.token(Roles.CHIROPRACTOR, SOUTH);
    static final String SOUTH_PATIENT = TestIssuer.token(Roles.PATIENT, SOUTH);

    private Users() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    static RequestSpecification anonymous() {
        return given().contentType("application/json");
    }
}

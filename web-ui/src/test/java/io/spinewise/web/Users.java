package io.spinewise.web;

import io.spinewise.testsupport.TestIssuer;

/** Signed tokens (TestIssuer) for the demo roles of clinic "north". */
final class Users {

    static final String CLINIC = "north";

    private Users() {
    }

    static String patient() {
        return TestIssuer.token("patient", CLINIC);
    }

    static String chiropractor() {
        return TestIssuer.token("chiropractor", CLINIC);
    }

    static String admin() {
        return TestIssuer.token("clinic-admin", CLINIC);
    }
}

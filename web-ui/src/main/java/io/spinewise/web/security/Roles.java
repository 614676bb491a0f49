package io.spinewise.web.security;

/** The realm roles of Keycloak realm {@code clinic}. */
public final class Roles {

    public static final String CHIROPRACTOR = "chiropractor";
    public static final String PATIENT = "patient";
    public static final String CLINIC_ADMIN = "clinic-admin";

    private Roles() {
    }
}

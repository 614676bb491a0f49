package io.spinewise.keycloak.enrolment;

import jakarta.ws.rs.core.Response;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;

import java.util.List;

/**
 * Who is enrolling: a service (its service account holds its own client's role
 * {@value #ENROL_ROLE}) acting for a staff member whose access token it forwards in
 * {@value #STAFF_TOKEN_HEADER}. Both tokens are verified by Keycloak itself (signature, expiry,
 * issuer, live session); the clinic is the staff token's {@code clinic_id} claim. The service's
 * secret alone therefore enrols nobody, and a staff member enrols only into their own clinic.
 *
 * @param service the service's token, user (its service account) and client
 * @param staff   the staff member
 * @param clinic  the staff member's clinic, where the patient goes
 */
record EnrolmentCaller(AdminAuth service, UserModel staff, String clinic) {

    static final String ENROL_ROLE = "enrol-patients";
    /** A separate role, so that a service that enrols need not be able to erase (and the other way round). */
    static final String ERASE_ROLE = "erase-patients";
    static final String STAFF_TOKEN_HEADER = "X-Spinewise-Staff-Token";
    static final String CLINIC_CLAIM = "clinic_id";
    static final String PATIENT_ROLE = "patient";
    static final List<String> STAFF_ROLES = List.of("chiropractor", "clinic-admin");
    static final List<String> ADMIN_ROLES = List.of("clinic-admin");

    /** The caller, or the 401/403 that refuses it. */
    sealed interface Check permits Allowed, Refused {
    }

    record Allowed(EnrolmentCaller caller) implements Check {
    }

    record Refused(Response response) implements Check {
    }

    /** A caller allowed to enrol: a service holding {@value #ENROL_ROLE} for a chiropractor or clinic administrator. */
    static Check enrolling(KeycloakSession session) {
        return of(session, ENROL_ROLE, STAFF_ROLES, "enrol patients");
    }

    /** A caller allowed to erase: a service holding {@value #ERASE_ROLE} for a clinic administrator only. */
    static Check erasing(KeycloakSession session) {
        return of(session, ERASE_ROLE, ADMIN_ROLES, "erase patients");
    }

    private static Check of(KeycloakSession session, String serviceRole, List<String> staffRoles, String what) {
        RealmModel realm = session.getContext().getRealm();
        AuthResult service = verify(new AppAuthManager.BearerTokenAuthenticator(session));
        if (service == null) {
            return refused(Response.Status.UNAUTHORIZED, "invalid_token", "a valid service-account bearer token is required");
        }
        ClientModel client = service.client();
        UserModel account = service.user();
        RoleModel granted = client.getRole(serviceRole);
        if (!client.getId().equals(account.getServiceAccountClientLink()) || granted == null || !account.hasRole(granted)) {
            return refused(Response.Status.FORBIDDEN, "access_denied",
                    "only a service account holding its client's role " + serviceRole + " may " + what);
        }

        String staffToken = session.getContext().getRequestHeaders().getHeaderString(STAFF_TOKEN_HEADER);
        if (staffToken == null || staffToken.isBlank()) {
            return refused(Response.Status.UNAUTHORIZED, "invalid_token",
                    "the staff member's access token is required in " + STAFF_TOKEN_HEADER);
        }
        // the staff token must be meant for the service that forwards it
        AuthResult staff = verify(new AppAuthManager.BearerTokenAuthenticator(session)
                .setTokenString(staffToken).setAudience(client.getClientId()));
        if (staff == null) {
            return refused(Response.Status.UNAUTHORIZED, "invalid_token",
                    "the staff token is not valid (signature, expiry, issuer, audience or session)");
        }
        UserModel member = staff.user();
        boolean isStaff = member.getServiceAccountClientLink() == null && staffRoles.stream()
                .map(realm::getRole).anyMatch(role -> role != null && member.hasRole(role));
        if (!isStaff) {
            return refused(Response.Status.FORBIDDEN, "access_denied",
                    "only a staff member with one of the roles " + staffRoles + " may " + what);
        }
        String clinic = clinicOf(staff.token());
        if (clinic == null) {
            return refused(Response.Status.FORBIDDEN, "access_denied", "the staff token carries no clinic");
        }
        return new Allowed(new EnrolmentCaller(new AdminAuth(realm, service.token(), account, client), member, clinic));
    }

    private static AuthResult verify(AppAuthManager.BearerTokenAuthenticator authenticator) {
        try {
            return authenticator.authenticate();
        } catch (RuntimeException e) {
            // a malformed token may surface as an exception rather than as no result
            return null;
        }
    }

    private static String clinicOf(AccessToken token) {
        Object claim = token.getOtherClaims().get(CLINIC_CLAIM);
        return claim instanceof String clinic && !clinic.isBlank() ? clinic : null;
    }

    private static Check refused(Response.Status status, String error, String description) {
        return new Refused(Refusal.of(status, error, description));
    }
}

package io.spinewise.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.spinewise.common.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the user's id, role and clinic, all read from the verified access token.
 * The clinic never comes from a request body or path, so no caller can name another clinic.
 */
@RequestScoped
public class Caller {

    public static final String CLINIC_CLAIM = "clinic_id";

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    /** The caller's clinic; a token without one is refused, since every user belongs to a clinic. */
    public String clinicId() {
        Object claim = token.getClaim(CLINIC_CLAIM);
        String clinic = claim == null ? null : claim.toString().replace("\"", "");
        if (clinic == null || clinic.isBlank()) {
            throw ProblemException.forbidden("Your account is not assigned to a clinic; ask your clinic administrator.");
        }
        return clinic;
    }

    /** The Keycloak user id ({@code sub}). */
    public String subject() {
        return token.getSubject();
    }

    public String displayName() {
        String name = token.getClaim("preferred_username");
        return name != null ? name : token.getSubject();
    }

    public boolean isPatient() {
        return identity.hasRole(Roles.PATIENT) && !isStaff();
    }

    /** Chiropractors and clinic administrators: the clinic's staff. */
    public boolean isStaff() {
        return identity.hasRole(Roles.CHIROPRACTOR) || identity.hasRole(Roles.CLINIC_ADMIN);
    }
}

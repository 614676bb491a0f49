package io.spinewise.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.spinewise.common.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the user's id, role and clinic, all read from the verified access token.
 * The clinic never comes from a request body or path, so no caller can name another clinic.
 */
@RequestScoped
public class Caller {

    public static final String CLINIC_CLAIM = "clinic_id";

    /** The width of the columns that keep a display name ({@code audit_event.actor_name}, {@code plan.created_by_name}). */
    public static final int MAX_NAME_LENGTH = 255;

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

    /** The caller's display name by {@link #displayName(JsonWebToken)}; null when the token has none. */
    public String displayName() {
        return displayName(token);
    }

    /**
     * The one rule for the name Spinewise keeps of whoever acted (audit records, a plan's
     * prescriber): the token's {@code name} (the person's full name in Keycloak), else
     * {@code preferred_username}, stripped and cut to {@value #MAX_NAME_LENGTH} characters (the
     * columns' width); null when neither is there. Static, for code that holds a verified token
     * outside a request scope (the audit filter's deferred identity).
     */
    public static String displayName(JsonWebToken token) {
        if (token == null) {
            return null;
        }
        String name = text(token.getClaim("name"));
        if (name == null) {
            name = text(token.getClaim("preferred_username"));
        }
        return name == null || name.length() <= MAX_NAME_LENGTH ? name : name.substring(0, MAX_NAME_LENGTH);
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        // a string claim may come back as a JSON value, whose toString() would add quotes
        String value = claim instanceof JsonString json ? json.getString() : claim.toString();
        return value.isBlank() ? null : value.strip();
    }

    /** Chiropractors and clinic administrators: the clinic's staff. */
    public boolean isStaff() {
        return identity.hasRole(Roles.CHIROPRACTOR) || identity.hasRole(Roles.CLINIC_ADMIN);
    }
}

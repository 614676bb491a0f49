package io.spinewise.web.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in user as the pages need them: a name to greet, the role that decides the
 * navigation, and where "home" is. Templates reach it as {@code inject:user}.
 */
@Named("user")
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public boolean patient() {
        return identity.hasRole(Roles.PATIENT);
    }

    public boolean chiropractor() {
        return identity.hasRole(Roles.CHIROPRACTOR);
    }

    public boolean admin() {
        return identity.hasRole(Roles.CLINIC_ADMIN);
    }

    /** A chiropractor or a clinic administrator: both see the reports and edit the clinic's library. */
    public boolean staff() {
        return chiropractor() || admin();
    }

    /** The user's id at the identity provider (the token's {@code sub}); null when no one is signed in. */
    public String subject() {
        return signedIn() ? token.getSubject() : null;
    }

    /** The user's clinic (the token's {@code clinic_id}, as the services read it); null when there is none. */
    public String clinicId() {
        String clinic = signedIn() ? claim("clinic_id") : null;
        return clinic == null || clinic.isBlank() ? null : clinic.replace("\"", "");
    }

    /** The first name, else the login name. */
    public String name() {
        if (!signedIn()) {
            return "";
        }
        String given = claim("given_name");
        if (given != null && !given.isBlank()) {
            return given;
        }
        String username = claim("preferred_username");
        return username != null ? username : identity.getPrincipal().getName();
    }

    /** The page a user of this role starts on, or null for a user without a Spinewise role. */
    public String home() {
        if (chiropractor()) {
            return "/attention";
        }
        if (admin()) {
            return "/admin/reports";
        }
        if (patient()) {
            return "/today";
        }
        return null;
    }

    private String claim(String name) {
        Object value = token == null ? null : token.getClaim(name);
        return value == null ? null : value.toString();
    }
}

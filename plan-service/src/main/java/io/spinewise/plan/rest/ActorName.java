package io.spinewise.plan.rest;

import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The display name an audit record keeps for whoever acted: the token's {@code name} (the
 * person's full name in Keycloak), else {@code preferred_username}, else none. Read from the
 * verified token at write time, so the log needs no call to the identity provider to be read.
 */
final class ActorName {

    /** The column's width ({@code audit_event.actor_name}). */
    static final int MAX_LENGTH = 255;

    private ActorName() {
    }

    static String of(JsonWebToken token) {
        if (token == null) {
            return null;
        }
        String name = text(token.getClaim("name"));
        if (name == null) {
            name = text(token.getClaim("preferred_username"));
        }
        return name == null || name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        // a string claim may come back as a JSON value, whose toString() would add quotes
        String value = claim instanceof JsonString json ? json.getString() : claim.toString();
        return value.isBlank() ? null : value.strip();
    }
}

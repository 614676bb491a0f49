package io.spinewise.plan.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Sends the caller's own bearer token on to catalog-service, so that the catalog applies its
 * own rules (clinic, role, published-only) to exactly this caller.
 */
@ApplicationScoped
public class CallerTokenForwarding implements ClientHeadersFactory {

    @Inject
    JsonWebToken token;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incomingHeaders,
                                                 MultivaluedMap<String, String> clientOutgoingHeaders) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        String raw = token.getRawToken();
        if (raw != null) {
            headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + raw);
        } else if (incomingHeaders.containsKey(HttpHeaders.AUTHORIZATION)) {
            headers.put(HttpHeaders.AUTHORIZATION, incomingHeaders.get(HttpHeaders.AUTHORIZATION));
        }
        return headers;
    }
}

package io.spinewise.plan.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Keycloak's {@code spinewise-enrolment} realm extension (module {@code keycloak-enrolment}):
 * the plan-service service account's token as the bearer, and the staff member's own access
 * token beside it, from which Keycloak takes the clinic. The service account holds no Admin API
 * role. Asynchronous, so that the caller can bound each call as a whole: the read timeout does
 * not cover the token request made by the filter. The config key keeps its old name so that
 * deployments' {@code QUARKUS_REST_CLIENT_KEYCLOAK_ADMIN_URL} (Keycloak's base URL) still applies.
 */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Path("/realms/{realm}/spinewise-enrolment/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface KeycloakEnrolmentApi {

    String STAFF_TOKEN_HEADER = "X-Spinewise-Staff-Token";

    /** 201 with {@code Location} and {@code {"id"}}; 409 taken; 400 a field the user profile refused. */
    @POST
    Uni<Response> enrol(@PathParam("realm") String realm, @HeaderParam(STAFF_TOKEN_HEADER) String staffToken,
                        NewPatient patient);

    /** 204; only a patient of the staff member's clinic, enrolled minutes ago and never signed in to. */
    @DELETE
    @Path("/{id}")
    Uni<Response> takeBack(@PathParam("realm") String realm, @HeaderParam(STAFF_TOKEN_HEADER) String staffToken,
                           @PathParam("id") String userId);

    /**
     * 204 erased; 404 no such patient of the staff member's clinic (also one erased already). Only for a clinic
     * administrator's token and a service account holding {@code erase-patients}.
     */
    @POST
    @Path("/{id}/erasure")
    Uni<Response> erase(@PathParam("realm") String realm, @HeaderParam(STAFF_TOKEN_HEADER) String staffToken,
                        @PathParam("id") String userId);

    /** The email is the login name; the clinic is not sent, Keycloak takes it from the staff token. */
    record NewPatient(String email, String firstName, String lastName, String temporaryPassword) {
    }
}

package io.spinewise.plan.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/**
 * The few Keycloak Admin API calls of enrolment, with the plan-service service account's token.
 * Asynchronous, so that the caller can bound each call as a whole: the read timeout does not
 * cover the token request made by the filter.
 */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Path("/admin/realms/{realm}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface KeycloakAdminApi {

    @POST
    @Path("/users")
    Uni<Response> createUser(@PathParam("realm") String realm, UserRepresentation user);

    @DELETE
    @Path("/users/{id}")
    Uni<Response> deleteUser(@PathParam("realm") String realm, @PathParam("id") String userId);

    @GET
    @Path("/users/{id}/role-mappings/realm/available")
    Uni<List<RoleRepresentation>> availableRealmRoles(@PathParam("realm") String realm, @PathParam("id") String userId);

    @POST
    @Path("/users/{id}/role-mappings/realm")
    Uni<Response> addRealmRoles(@PathParam("realm") String realm, @PathParam("id") String userId,
                           List<RoleRepresentation> roles);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserRepresentation(String username, String email, String firstName, String lastName, boolean enabled,
                              boolean emailVerified, Map<String, List<String>> attributes,
                              List<Credential> credentials) {
    }

    record Credential(String type, String value, boolean temporary) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RoleRepresentation(String id, String name) {
    }
}

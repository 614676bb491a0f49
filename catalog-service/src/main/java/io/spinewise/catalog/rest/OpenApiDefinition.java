package io.spinewise.catalog.rest;

import io.spinewise.common.problem.Problem;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The OpenAPI document's header, its one security scheme (a Keycloak bearer token) and the problem
 * detail every error answers with (see OpenApiContract).
 */
@OpenAPIDefinition(info = @Info(title = "Spinewise catalog-service", version = "0.1.0",
        description = "The exercise library and routine templates. Errors are RFC 9457 application/problem+json.",
        license = @License(name = "Apache-2.0", identifier = "Apache-2.0"), contact = @Contact(name = "Spinewise")),
        servers = @Server(url = "http://localhost:8081", description = "The local platform (./spinewise up)"),
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
@SecurityScheme(securitySchemeName = OpenApiDefinition.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "An access token of Keycloak realm 'clinic'")
public class OpenApiDefinition extends Application {

    public static final String BEARER = "keycloak";
}

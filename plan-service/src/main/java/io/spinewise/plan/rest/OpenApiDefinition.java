package io.spinewise.plan.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI document's header and its one security scheme: a Keycloak bearer token. */
@OpenAPIDefinition(info = @Info(title = "Spinewise plan-service", version = "0.1.0",
        description = "Patients, prescriptions, check-offs, adherence, reports and audit."
                + " Errors are RFC 9457 application/problem+json.",
        license = @License(name = "Apache-2.0")))
@SecurityScheme(securitySchemeName = OpenApiDefinition.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "An access token of Keycloak realm 'clinic'")
public class OpenApiDefinition extends Application {

    public static final String BEARER = "keycloak";
}

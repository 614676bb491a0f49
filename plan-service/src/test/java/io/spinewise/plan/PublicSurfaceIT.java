package io.spinewise.plan;

import io.spinewise.testsupport.PublicSurfaceCheck;

import java.util.Map;

/** plan-service's packaged jar under the prod profile: no OpenAPI document or Swagger UI, probes answer. */
class PublicSurfaceIT extends PublicSurfaceCheck {

    @Override
    protected String serviceName() {
        return "plan-service";
    }

    @Override
    protected Map<String, String> productionSettings() {
        // the prod profile refuses the development client secret (ProductionSecrets)
        return Map.of("quarkus.oidc-client.credentials.secret", "a-client-secret-of-its-own");
    }
}

package io.spinewise.catalog;

import io.spinewise.testsupport.PublicSurfaceCheck;

/** catalog-service's packaged jar under the prod profile: no OpenAPI document or Swagger UI, probes answer. */
class PublicSurfaceIT extends PublicSurfaceCheck {

    @Override
    protected String serviceName() {
        return "catalog-service";
    }
}

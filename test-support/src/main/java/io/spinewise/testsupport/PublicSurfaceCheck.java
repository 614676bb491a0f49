package io.spinewise.testsupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A service's packaged jar as the container images run it (the prod profile, no profile set): the
 * OpenAPI document and Swagger UI are not served (404), while the health checks the probes use are.
 * Its database is made as deployed (the owner migrates, the service runs as the runtime role);
 * Keycloak is absent, which readiness does not need. Each service's {@code PublicSurfaceIT} names
 * itself and what else its prod profile requires.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PublicSurfaceCheck {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private JarProcess service;
    private String base;

    /** The service's name, e.g. {@code plan-service}. */
    protected abstract String serviceName();

    /** Settings the prod profile insists on beyond the database's, e.g. a secret of its own. */
    protected Map<String, String> productionSettings() {
        return Map.of();
    }

    @BeforeAll
    void startInProduction() {
        int port = JarProcess.freePort();
        base = "http://127.0.0.1:" + port;
        Map<String, String> properties = new HashMap<>(productionSettings());
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("quarkus.http.port", Integer.toString(port));
        properties.putAll(PostgresTestResource.properties(
                TestDatabaseServer.get().createServiceDatabase("public_surface")));
        // nothing listens on port 9: Keycloak is away, as before it is up
        properties.put("quarkus.oidc.auth-server-url", "http://127.0.0.1:9/realms/clinic");
        service = JarProcess.start(serviceName(), JAR, properties, URI.create(base + "/q/health/ready"),
                Duration.ofSeconds(90), Path.of("target", "public-surface.log"));
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void theOpenApiDocumentAndSwaggerUiAreNotServed() throws Exception {
        for (String path : new String[] {"/q/openapi", "/q/openapi.json", "/q/swagger-ui", "/q/swagger-ui/"}) {
            assertEquals(404, status(path), path);
        }
    }

    @Test
    void theProbesStillAnswer() throws Exception {
        assertEquals(200, status("/q/health/live"));
        assertEquals(200, status("/q/health/ready"));
    }

    private int status(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

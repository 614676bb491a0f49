package io.spinewise.catalog;

import io.spinewise.testsupport.JarProcess;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestDatabaseServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as the container images run it (the prod profile, no profile set): the OpenAPI
 * document and Swagger UI are not served (404), while the health checks the probes use are. Keycloak
 * is absent; readiness does not need it.
 */
class PublicSurfaceIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static JarProcess service;
    private static String base;

    @BeforeAll
    static void startInProduction() {
        TestDatabaseServer database = TestDatabaseServer.get();
        int port = JarProcess.freePort();
        base = "http://127.0.0.1:" + port;
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("quarkus.http.port", Integer.toString(port));
        // the owner migrates, the service runs as the runtime role, as deployed
        properties.putAll(PostgresTestResource.properties(database.createServiceDatabase("public_surface")));
        // nothing listens on port 9: Keycloak is away, as before it is up
        properties.put("quarkus.oidc.auth-server-url", "http://127.0.0.1:9/realms/clinic");
        service = JarProcess.start("catalog-service", JAR, properties, URI.create(base + "/q/health/ready"),
                Duration.ofSeconds(90), Path.of("target", "public-surface.log"));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void theOpenApiDocumentAndSwaggerUiAreNotServed() throws Exception {
        for (String path : new String[] {"/q/openapi", "/q/openapi.json", "/q/swagger-ui", "/q/swagger-ui/"}) {
            assertThat(status(path)).as(path).isEqualTo(404);
        }
    }

    @Test
    void theProbesStillAnswer() throws Exception {
        assertThat(status("/q/health/live")).isEqualTo(200);
        assertThat(status("/q/health/ready")).isEqualTo(200);
    }

    private static int status(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

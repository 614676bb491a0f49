package io.spinewise.plan;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.spinewise.testsupport.JarProcess;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestDatabaseServer;
import io.spinewise.testsupport.TestIssuer;

import io.spinewise.common.security.Roles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real catalog-service for plan-service's tests: its packaged jar (built earlier in the
 * reactor) runs as a child process on a free port, with a fresh database of its own on the
 * shared test PostgreSQL and the test token issuer, so tokens forwarded by plan-service are
 * verified by catalog-service exactly as in production. Started once per test JVM.
 */
public class CatalogServiceResource implements QuarkusTestResourceLifecycleManager {

    private static String url;

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.catalog.url", url());
    }

    static synchronized String url() {
        if (url == null) {
            TestDatabaseServer db = TestDatabaseServer.get();
            int port = JarProcess.freePort();
            Map<String, String> properties = new HashMap<>(new TestIssuer().start());
            properties.put("quarkus.oidc.auth-server-url", "");
            properties.put("quarkus.http.port", Integer.toString(port));
            properties.put("quarkus.http.host", "127.0.0.1");
            properties.putAll(PostgresTestResource.properties(db.createServiceDatabase("catalog")));
            properties.put("quarkus.log.level", "WARN");
            properties.put("vertx.disableURIValidation", "true"); // as the launcher and the Dockerfile run it
            String base = "http://127.0.0.1:" + port;
            JarProcess.start("catalog-service", Path.of(System.getProperty("spinewise.catalog.app",
                            "../catalog-service/target/quarkus-app/quarkus-run.jar")), properties,
                    URI.create(base + "/q/health/ready"), Duration.ofSeconds(90),
                    Path.of("target", "catalog-service.log"));
            warmUp(base);
            url = base;
        }
        return url;
    }

    /** The first requests of a fresh JVM are slow; pay that here, not inside a test's bounded timeout. */
    private static void warmUp(String base) {
        HttpClient http = HttpClient.newHttpClient();
        String token = TestIssuer.token(Roles.CHIROPRACTOR, "warm-up");
        for (int i = 0; i < 5; i++) {
            for (String path : new String[] {"/api/routines/mid-back-relief", "/api/exercises/cat-cow"}) {
                try {
                    http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        // kept for the next test class; stopped when the test JVM exits
    }
}

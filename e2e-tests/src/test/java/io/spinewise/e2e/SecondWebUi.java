package io.spinewise.e2e;

import io.spinewise.launcher.Platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One more web-ui beside the platform's, from the same build (web-ui/target/quarkus-app), on a free
 * port and with settings of the test's choosing (e.g. another URL for Keycloak), talking to the
 * platform's Keycloak and services. Its output goes to {@code target/<name>.log}.
 */
final class SecondWebUi implements AutoCloseable {

    private static final Path HOME = Path.of(System.getProperty("spinewise.home", "..")).toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;

    private SecondWebUi(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it under the local profile (the platform's development secrets), with {@code settings} on top. */
    static SecondWebUi start(String name, Map<String, String> settings) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.profile=local",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + freePort(),
                "-Dquarkus.rest-client.catalog.url=http://localhost:" + Platform.CATALOG_PORT,
                "-Dquarkus.rest-client.plan.url=http://localhost:" + Platform.PLAN_PORT));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        Path app = HOME.resolve("web-ui/target/quarkus-app");
        command.addAll(List.of("-jar", app.resolve("quarkus-run.jar").toString()));
        Path log = Path.of("target", name + ".log").toAbsolutePath();
        try {
            Process process = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            SecondWebUi web = new SecondWebUi(process, port);
            web.awaitReady(log);
            return web;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://localhost:<port>}, where the browser reaches it. */
    String url() {
        return "http://localhost:" + port;
    }

    private void awaitReady(Path log) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        URI ready = URI.create(url() + "/q/health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("web-ui exited during start-up:\n" + Files.readString(log));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        close();
        throw new IllegalStateException("web-ui was not ready within 60 s; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

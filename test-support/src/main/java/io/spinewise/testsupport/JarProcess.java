package io.spinewise.testsupport;

import java.io.File;
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
 * Another service's packaged jar (e.g. {@code catalog-service/target/quarkus-app/quarkus-run.jar})
 * run as a child process of the test JVM, so that a service's tests talk to the real thing
 * over HTTP. Started with system properties, awaited on a readiness URL, stopped with the JVM.
 */
public final class JarProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private JarProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code java -D... -jar jar} with the same JDK as the tests and waits until
     * {@code readyUrl} answers 200.
     *
     * @param jar        the runnable jar; a missing jar fails with the command that builds it
     * @param properties system properties for the child (e.g. its port, database, token issuer)
     * @param readyUrl   polled until it answers 200
     * @param timeout    how long to wait for readiness
     * @param log        where the child's output goes
     */
    public static JarProcess start(String name, Path jar, Map<String, String> properties, URI readyUrl,
                                   Duration timeout, Path log) {
        // small heap, quick start: a test's neighbour serves a few requests, not a load
        return start(name, List.of(), List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), jar, properties, readyUrl,
                timeout, log);
    }

    /**
     * As {@link #start(String, Path, Map, URI, Duration, Path)}, with the launch in the caller's hands:
     * {@code commandPrefix} runs before {@code java} (e.g. {@code taskset -c 1}; it must exec java, so that
     * {@link #pid()} is the JVM's) and {@code jvmOptions} replace the tests' small-heap defaults.
     */
    public static JarProcess start(String name, List<String> commandPrefix, List<String> jvmOptions, Path jar,
                                   Map<String, String> properties, URI readyUrl, Duration timeout, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not built: " + jar + " is missing. Build it first, e.g."
                    + " ./mvnw -pl " + name + " -am package -DskipTests (./mvnw verify builds it in order).");
        }
        List<String> command = new ArrayList<>(commandPrefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .directory(jar.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            JarProcess child = new JarProcess(name, process, log);
            Runtime.getRuntime().addShutdownHook(new Thread(child::stop));
            child.awaitReady(readyUrl, timeout);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** A TCP port that was free a moment ago, for a child's HTTP port. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(URI url, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start-up; see "
                        + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(50);
        }
        stop();
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; see "
                + log.toAbsolutePath());
    }

    /** The child's process id (the JVM's, when a command prefix exec'd it). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, then a kill after ten seconds. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    public File log() {
        return log.toFile();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

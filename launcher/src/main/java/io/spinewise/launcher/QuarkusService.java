package io.spinewise.launcher;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One of the three Spinewise services, run from its built {@code quarkus-app} folder. */
final class QuarkusService extends ProcessPart {

    /** Turns off Quarkus's empty-400 URI check, read when its HTTP recorder class loads (see RequestLineGuard). */
    static final String SERVICE_URI_CHECK = "vertx.disableURIValidation=true";
    /**
     * The memory options of catalog- and plan-service, as their images start them (src/main/docker/Dockerfile.jvm):
     * a small heap, so that five JVMs share a laptop or a 2-core CI machine, and freed native memory handed back
     * every 5 s (bench/README.md, "Start and memory").
     */
    private static final List<String> HEAP = List.of("-Xms32m", "-Xmx128m");
    private static final String TRIM = "-XX:TrimNativeHeapInterval=5000";
    /** glibc's malloc arenas for catalog- and plan-service, as their images set them ({@code ENV MALLOC_ARENA_MAX}). */
    private static final Map<String, String> MALLOC = Map.of("MALLOC_ARENA_MAX", "2");

    private final String name;
    private final Path appDirectory;
    private final int port;
    private final Map<String, String> environment;

    QuarkusService(String name, Path appDirectory, int port, Map<String, String> environment, Path logDirectory) {
        super(new ChildProcess(name, logDirectory.resolve(name + ".log")));
        this.name = name;
        this.appDirectory = appDirectory;
        this.port = port;
        this.environment = environment;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(Duration timeout) throws Exception {
        Path jar = appDirectory.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; ./spinewise up builds it (or ./mvnw package -DskipTests -pl "
                    + name + " -am)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // web-ui keeps its earlier heap and malloc: its memory was not measured with a smaller one
        command.addAll(name.equals("web-ui") ? List.of("-Xmx256m") : memoryOptions(Runtime.version()));
        command.add("-Dquarkus.http.port=" + port);
        if (!name.equals("web-ui")) {
            // the services' own URI check answers a malformed URI with a problem (service-common's RequestLineGuard)
            command.add("-D" + SERVICE_URI_CHECK);
        }
        command.add("-jar");
        command.add(jar.toString());
        Map<String, String> childEnvironment = new HashMap<>(name.equals("web-ui") ? Map.of() : MALLOC);
        childEnvironment.putAll(environment);
        process.start(command, appDirectory, childEnvironment);
        Readiness.await(name, URI.create("http://localhost:" + port + "/q/health/ready"), timeout, process::isAlive);
    }

    @Override
    public void kill() {
        process.kill();
    }

    @Override
    public String url() {
        return "http://localhost:" + port;
    }

    /**
     * The services' memory options for the JDK that runs them (the launcher's own). The trim option came with
     * 17.0.9 and 21.0.1 (and 22); an older JDK 17, which the README allows, would refuse to start with it, so it
     * starts without and keeps its freed native memory, as before.
     */
    static List<String> memoryOptions(Runtime.Version jdk) {
        boolean trims = jdk.feature() >= 22
                || jdk.feature() == 21 && jdk.compareToIgnoreOptional(Runtime.Version.parse("21.0.1")) >= 0
                || jdk.feature() == 17 && jdk.compareToIgnoreOptional(Runtime.Version.parse("17.0.9")) >= 0;
        List<String> options = new ArrayList<>(HEAP);
        if (trims) {
            options.add(TRIM);
        }
        return options;
    }
}

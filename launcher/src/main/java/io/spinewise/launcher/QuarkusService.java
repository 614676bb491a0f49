package io.spinewise.launcher;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One of the three Spinewise services, run from its built {@code quarkus-app} folder. */
final class QuarkusService extends ProcessPart {

    /** Turns off Quarkus's empty-400 URI check, read when its HTTP recorder class loads (see RequestLineGuard). */
    static final String SERVICE_URI_CHECK = "vertx.disableURIValidation=true";
    /**
     * The heap of each service, as the images start it (src/main/docker/Dockerfile.jvm): small, so that five JVMs
     * share a laptop or a 2-core CI machine and a pod stays within its memory under load (bench/README.md, "Start").
     */
    static final List<String> HEAP = List.of("-Xms32m", "-Xmx128m");
    /** The AppCDS archive {@code quarkus.package.jar.appcds.enabled} makes next to {@code quarkus-run.jar}. */
    static final String APPCDS_ARCHIVE = "app-cds.jsa";

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
        command.addAll(jvmOptions(appDirectory));
        command.add("-Dquarkus.http.port=" + port);
        if (!name.equals("web-ui")) {
            // the services' own URI check answers a malformed URI with a problem (service-common's RequestLineGuard)
            command.add("-D" + SERVICE_URI_CHECK);
        }
        command.add("-jar");
        command.add(jar.toString());
        process.start(command, appDirectory, environment);
        Readiness.await(name, URI.create("http://localhost:" + port + "/q/health/ready"), timeout, process::isAlive);
    }

    /** The heap, and the package's AppCDS archive when it has one (a JVM other than the build's ignores it). */
    static List<String> jvmOptions(Path appDirectory) {
        List<String> options = new ArrayList<>(HEAP);
        Path archive = appDirectory.resolve(APPCDS_ARCHIVE);
        if (Files.isRegularFile(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
        }
        return options;
    }

    @Override
    public void kill() {
        process.kill();
    }

    @Override
    public String url() {
        return "http://localhost:" + port;
    }
}

package io.spinewise.launcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code spinewise} script's build check, run for real in a copy of the checkout's layout
 * whose {@code mvnw} and {@code java} are stand-ins that record how they were called: the first
 * run builds, a source newer than its module's build is rebuilt (after a {@code git pull}), an
 * up-to-date build starts at once, a failed build starts nothing, and neither {@code down} nor an
 * {@code up} beside a running platform builds anything.
 */
class SpinewiseScriptTest {

    private static final List<String> MODULES = List.of("launcher", "keycloak-enrolment", "catalog-service", "plan-service", "web-ui");
    private static final Instant WRITTEN = Instant.now().minus(2, ChronoUnit.HOURS);
    private static final Instant BUILT = Instant.now().minus(1, ChronoUnit.HOURS);
    private static final String BUILD_ALL =
            "-q -B -ntp package -DskipTests -pl launcher,keycloak-enrolment,catalog-service,plan-service,web-ui -am";

    @TempDir
    Path checkout;
    @TempDir
    Path tools;

    @BeforeEach
    void layOutACheckout() throws IOException {
        Files.copy(Path.of(System.getProperty("spinewise.script")), checkout.resolve("spinewise"));
        source("pom.xml");
        source("service-common/pom.xml");
        source("service-common/src/main/java/io/spinewise/common/Caller.java");
        for (String module : MODULES) {
            source(module + "/pom.xml");
            source(module + "/src/main/java/io/spinewise/" + module.replace("-", "") + "/Main.java");
        }
        // records its arguments and "builds" the modules named by -pl
        script(checkout.resolve("mvnw"), """
                echo "$*" >> mvnw.calls
                if [ -f fail-build ]; then echo "[ERROR] COMPILATION ERROR" >&2; exit 1; fi
                while [ $# -gt 0 ]; do
                    if [ "$1" = -pl ]; then IFS=, read -ra built <<< "$2"; fi
                    shift
                done
                for m in "${built[@]}"; do
                    case $m in
                        launcher) mkdir -p launcher/target/classes && echo /repo/x.jar > launcher/target/classpath.txt ;;
                        keycloak-enrolment) mkdir -p "$m/target" && touch "$m/target/spinewise-keycloak-enrolment.jar" ;;
                        *) mkdir -p "$m/target/quarkus-app" && touch "$m/target/quarkus-app/quarkus-run.jar" ;;
                    esac
                done
                """);
        // the JVM the script starts: records what it was asked to run
        script(tools.resolve("java"), """
                echo "$* | data=${SPINEWISE_DATA:-}" >> "$JAVA_CALLS"
                """);
    }

    @Test
    void theFirstRunBuildsEveryModuleWithPackageNotInstallThenStarts() throws Exception {
        Run run = spinewise("up");

        assertThat(run.status()).isZero();
        assertThat(run.output()).contains("building launcher,keycloak-enrolment,catalog-service,plan-service,web-ui (the first time");
        assertThat(mavenCalls()).containsExactly(BUILD_ALL);
        assertThat(javaCalls()).singleElement().asString()
                .contains("-Dspinewise.home=" + checkout.toRealPath())
                .contains("@launcher/target/launcher.args")
                .contains("io.spinewise.launcher.Spinewise up");
        // the classpath in an argument file keeps the command line short enough for Spinewise.isLauncher to read
        assertThat(Files.readString(checkout.resolve("launcher/target/launcher.args")))
                .isEqualTo("-cp\n\"launcher/target/classes:/repo/x.jar\"\n");
    }

    @Test
    void anUpToDateBuildStartsWithoutBuilding() throws Exception {
        MODULES.forEach(this::built);

        Run run = spinewise("up");

        assertThat(run.status()).isZero();
        assertThat(mavenCalls()).isEmpty();
        assertThat(javaCalls()).singleElement().asString().contains("io.spinewise.launcher.Spinewise up");
    }

    @Test
    void aSourceNewerThanItsModulesBuildIsRebuiltAndNamed() throws Exception {
        MODULES.forEach(this::built);
        Path pulled = checkout.resolve("plan-service/src/main/java/io/spinewise/planservice/Main.java");
        Files.setLastModifiedTime(pulled, FileTime.from(Instant.now()));

        Run run = spinewise("up");

        assertThat(run.status()).isZero();
        assertThat(run.output()).contains("plan-service changed since its last build (plan-service/src/main/java/"
                + "io/spinewise/planservice/Main.java is newer)");
        assertThat(mavenCalls()).containsExactly("-q -B -ntp package -DskipTests -pl plan-service -am");
        assertThat(javaCalls()).hasSize(1);
    }

    @Test
    void aChangedKeycloakExtensionIsRebuiltSoThatKeycloakGetsTheNewJar() throws Exception {
        MODULES.forEach(this::built);
        Files.setLastModifiedTime(checkout.resolve("keycloak-enrolment/src/main/java/io/spinewise/keycloakenrolment/Main.java"),
                FileTime.from(Instant.now()));

        spinewise("up");

        assertThat(mavenCalls()).containsExactly("-q -B -ntp package -DskipTests -pl keycloak-enrolment -am");
    }

    @Test
    void aChangeToTheSharedCodeRebuildsTheServicesThatUseIt() throws Exception {
        MODULES.forEach(this::built);
        Files.setLastModifiedTime(checkout.resolve("service-common/src/main/java/io/spinewise/common/Caller.java"),
                FileTime.from(Instant.now()));

        spinewise("up");

        assertThat(mavenCalls()).containsExactly("-q -B -ntp package -DskipTests -pl catalog-service,plan-service -am");
    }

    @Test
    void aChangedParentPomRebuildsEverything() throws Exception {
        MODULES.forEach(this::built);
        Files.setLastModifiedTime(checkout.resolve("pom.xml"), FileTime.from(Instant.now()));

        spinewise("up");

        assertThat(mavenCalls()).containsExactly(BUILD_ALL);
    }

    @Test
    void aFailedBuildStartsNothingAndSaysHowToSeeWhy() throws Exception {
        Files.writeString(checkout.resolve("fail-build"), "");

        Run run = spinewise("up");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("COMPILATION ERROR", "the build failed (see above); nothing was started",
                "./mvnw package -DskipTests -pl launcher,keycloak-enrolment,catalog-service,plan-service,web-ui -am");
        assertThat(javaCalls()).isEmpty();
    }

    @Test
    void downNeverBuilds() throws Exception {
        MODULES.forEach(this::built);
        Files.setLastModifiedTime(checkout.resolve("web-ui/pom.xml"), FileTime.from(Instant.now()));

        Run run = spinewise("down");

        assertThat(run.status()).isZero();
        assertThat(mavenCalls()).isEmpty();
        assertThat(javaCalls()).singleElement().asString().contains("io.spinewise.launcher.Spinewise down");
    }

    @Test
    void aRunningPlatformsBuildIsNotReplacedUnderIt() throws Exception {
        MODULES.forEach(this::built);
        Files.setLastModifiedTime(checkout.resolve("web-ui/pom.xml"), FileTime.from(Instant.now()));
        Process running = new ProcessBuilder("sleep", "60").start();
        try {
            Files.createDirectories(checkout.resolve(".spinewise"));
            Files.writeString(checkout.resolve(".spinewise/spinewise.pid"), Long.toString(running.pid()));

            spinewise("up");

            assertThat(mavenCalls()).isEmpty();
            // the launcher itself then reports the ports in use
            assertThat(javaCalls()).singleElement().asString().contains("io.spinewise.launcher.Spinewise up");
        } finally {
            running.destroyForcibly();
        }
    }

    @Test
    void aRelativeDataFolderIsTakenFromWhereTheCommandWasTyped() throws Exception {
        MODULES.forEach(this::built);

        spinewise(tools, Map.of("SPINEWISE_DATA", "stack"), checkout.resolve("spinewise").toString(), "up");

        assertThat(javaCalls()).singleElement().asString().endsWith("data=" + tools.resolve("stack"));
    }

    private record Run(int status, String output) {
    }

    private Run spinewise(String command) throws Exception {
        return spinewise(checkout, Map.of(), "./spinewise", command);
    }

    private Run spinewise(Path directory, Map<String, String> environment, String script, String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", script, command)
                .directory(directory.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("SPINEWISE_DATA");
        builder.environment().putAll(environment);
        builder.environment().put("PATH", tools + ":" + System.getenv("PATH"));
        builder.environment().put("JAVA_CALLS", tools.resolve("java.calls").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the script finished").isTrue();
        return new Run(process.exitValue(), output);
    }

    private List<String> mavenCalls() throws IOException {
        return lines(checkout.resolve("mvnw.calls"));
    }

    private List<String> javaCalls() throws IOException {
        return lines(tools.resolve("java.calls"));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private void source(String path) throws IOException {
        Path file = checkout.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
        Files.setLastModifiedTime(file, FileTime.from(WRITTEN));
    }

    /** The module's build, newer than every source. */
    private void built(String module) {
        try {
            Path artifact = checkout.resolve(switch (module) {
                case "launcher" -> "launcher/target/classpath.txt";
                case "keycloak-enrolment" -> "keycloak-enrolment/target/spinewise-keycloak-enrolment.jar";
                default -> module + "/target/quarkus-app/quarkus-run.jar";
            });
            Files.createDirectories(artifact.getParent());
            Files.writeString(artifact, "/repo/x.jar");
            Files.createDirectories(checkout.resolve(module + "/target/classes"));
            Files.setLastModifiedTime(artifact, FileTime.from(BUILT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body);
        file.toFile().setExecutable(true);
    }
}

package io.spinewise.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@code ./spinewise up | down} does around the platform, with stand-in parts instead of
 * PostgreSQL, Keycloak and the services: a failed demo load or start stops everything and exits
 * non-zero, the marker is written only after a complete load, and {@code down} never signals a
 * process that is not a launcher. LauncherIT (e2e-tests) runs the real thing.
 */
class SpinewiseTest {

    @TempDir
    Path data;

    private final List<String> events = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureConsole() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void aFailedDemoLoadStopsThePlatformExitsNonZeroAndLeavesNoMarker() throws Exception {
        Platform platform = new Platform(data, List.of(part("postgresql"), part("plan-service")), Map.of());

        int status = Spinewise.up(platform, data, () -> {
            events.add("demo load");
            throw new DemoActivity.LoadFailed("patient.petra: POST http://localhost:8082/api/patients/1/plans answered 500",
                    null);
        });

        assertThat(status).isEqualTo(1);
        assertThat(events).containsExactly("start postgresql", "start plan-service", "demo load",
                "stop plan-service", "stop postgresql");
        assertThat(stderr()).contains("loading the demo activity failed: patient.petra: POST",
                "answered 500", "the next ./spinewise up loads it again");
        assertThat(data.resolve(DemoActivity.MARKER)).doesNotExist();
        assertThat(data.resolve(Spinewise.PID_FILE)).doesNotExist();
    }

    @Test
    void aPartThatFailsToStartStopsThoseStartedAndLoadsNoDemo() throws Exception {
        Part broken = new FakePart("keycloak") {
            @Override
            public void start(Duration timeout) {
                events.add("start keycloak");
                throw new IllegalStateException("keycloak exited during start-up");
            }
        };
        Platform platform = new Platform(data, List.of(part("postgresql"), broken, part("web-ui")), Map.of());

        int status = Spinewise.up(platform, data, () -> events.add("demo load"));

        assertThat(status).isEqualTo(1);
        assertThat(events).containsExactly("start postgresql", "start keycloak", "stop keycloak", "stop postgresql");
        assertThat(stderr()).contains("keycloak failed to start: keycloak exited during start-up");
        assertThat(data.resolve(Spinewise.PID_FILE)).doesNotExist();
        assertThat(data.resolve(DemoActivity.MARKER)).doesNotExist();
    }

    @Test
    void aStopDuringTheStartEndsItQuietlyAndStopsThePartBeingStarted() throws Exception {
        CountDownLatch inStart = new CountDownLatch(1);
        Part slow = new FakePart("keycloak") {
            @Override
            public void start(Duration timeout) throws InterruptedException {
                events.add("start keycloak");
                inStart.countDown();
                // a readiness wait, as Readiness.await does it
                Thread.sleep(60_000);
            }
        };
        LocalStack stack = new LocalStack(List.of(part("postgresql"), slow, part("web-ui")));
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread starter = new Thread(() -> {
            try {
                stack.start();
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        starter.start();
        assertThat(inStart.await(10, TimeUnit.SECONDS)).isTrue();

        stack.stop();
        starter.join(10_000);

        assertThat(starter.isAlive()).as("the start gave up").isFalse();
        assertThat(failure.get()).isInstanceOf(LocalStack.StartFailure.class);
        // stopped is stopped: web-ui is never started after the stop, keycloak is not left running
        assertThat(events).containsExactly("start postgresql", "start keycloak", "stop keycloak", "stop postgresql");
        assertThat(stderr()).doesNotContain("failed to start");
    }

    @Test
    void aPortInUseIsNamedAndNothingIsStartedNorTheRunningLaunchersPidFileTouched() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            Files.writeString(data.resolve(Spinewise.PID_FILE), "4242");
            Platform platform = new Platform(data, List.of(part("web-ui")), Map.of(port, "web-ui"));

            int status = Spinewise.up(platform, data, () -> events.add("demo load"));

            assertThat(status).isEqualTo(1);
            assertThat(stderr()).contains("Cannot start: port " + port + " (web-ui) is already in use.");
            assertThat(events).isEmpty();
            assertThat(data.resolve(Spinewise.PID_FILE)).hasContent("4242");
        }
    }

    @Test
    void theMarkerIsWrittenAfterACompleteLoadAndStopsTheNextOne() throws Exception {
        AtomicInteger loads = new AtomicInteger();

        assertThat(DemoActivity.loadOnFirstStart(data, loads::incrementAndGet)).isTrue();
        assertThat(data.resolve(DemoActivity.MARKER)).exists();
        assertThat(DemoActivity.loadOnFirstStart(data, loads::incrementAndGet)).isFalse();

        assertThat(loads).hasValue(1);
    }

    @Test
    void aFailedLoadIsTriedAgainOnTheNextStart() throws Exception {
        assertThatThrownBy(() -> DemoActivity.loadOnFirstStart(data, () -> {
            throw new DemoActivity.LoadFailed("patient.paul: ConnectException", null);
        })).isInstanceOf(DemoActivity.LoadFailed.class).hasMessage("patient.paul: ConnectException");
        assertThat(data.resolve(DemoActivity.MARKER)).doesNotExist();

        AtomicInteger loads = new AtomicInteger();
        assertThat(DemoActivity.loadOnFirstStart(data, loads::incrementAndGet)).isTrue();
        assertThat(loads).hasValue(1);
    }

    @Test
    void aFailureWithoutMessageIsNamedByItsKind() {
        assertThat(DemoActivity.reason(new ConnectException())).isEqualTo("ConnectException");
        assertThat(DemoActivity.reason(new IOException("GET /api/me answered 503"))).isEqualTo("GET /api/me answered 503");
    }

    @Test
    void downWithoutAPidFileSaysSoAndSucceeds() throws Exception {
        assertThat(Spinewise.down(data)).isZero();
        assertThat(stdout()).contains("Spinewise is not running");
    }

    @Test
    void downLeavesAProcessAloneThatIsNotALauncherAndRemovesTheStalePidFile() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(data.resolve(Spinewise.PID_FILE), Long.toString(other.pid()));

            assertThat(Spinewise.down(data)).isZero();

            assertThat(stdout()).contains("not running", "stale");
            assertThat(data.resolve(Spinewise.PID_FILE)).doesNotExist();
            assertThat(other.waitFor(1, TimeUnit.SECONDS)).as("the other program still runs").isFalse();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void theDataFolderIsTheCheckoutsUnlessAPropertyOrTheEnvironmentNamesOne() {
        Path home = Path.of("/work/spinewise");
        assertThat(Spinewise.dataFolder(home, null, null)).isEqualTo(home.resolve(".spinewise"));
        assertThat(Spinewise.dataFolder(home, null, "")).isEqualTo(home.resolve(".spinewise"));
        assertThat(Spinewise.dataFolder(home, null, "/tmp/stack")).isEqualTo(Path.of("/tmp/stack"));
        assertThat(Spinewise.dataFolder(home, "/tmp/property", "/tmp/stack")).isEqualTo(Path.of("/tmp/property"));
        assertThat(Spinewise.dataFolder(home, "relative", null)).isEqualTo(Path.of("relative").toAbsolutePath());
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Part part(String name) {
        return new FakePart(name);
    }

    /** A part that only records that it was started and stopped. */
    private class FakePart implements Part {

        private final String name;
        private boolean started;

        FakePart(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start(Duration timeout) throws Exception {
            events.add("start " + name);
            started = true;
        }

        @Override
        public void stop() {
            events.add("stop " + name);
            started = false;
        }

        @Override
        public Path logFile() {
            return null;
        }

        @Override
        public String url() {
            return started ? "http://localhost/" + name : null;
        }
    }
}

package io.spinewise.bench.page;

import io.spinewise.bench.service.ClosedLoopLoad;
import io.spinewise.bench.service.CpuMeter;
import io.spinewise.bench.service.LoadResult;
import io.spinewise.bench.service.Report;
import io.spinewise.bench.service.Scenario;
import io.spinewise.launcher.Platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Requests per second and CPU per request of the web-ui itself: a page fetched over and over
 * with a real signed-in session (the cookies Keycloak's login left in Chromium), through the
 * same closed loop as the service benchmark. Each page costs web-ui its own work (session
 * cookie decryption, token checks, template rendering, compression) plus the service calls
 * behind it, whose CPU is not counted here; that is what sizing web-ui pods needs.
 */
final class WebUiLoad {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ClosedLoopLoad load;
    private final CpuMeter webUi;

    private WebUiLoad(long webUiPid, long postgresPid) {
        this.load = new ClosedLoopLoad(http, new CpuMeter(postgresPid));
        this.webUi = new CpuMeter(webUiPid);
    }

    /** Finds the web-ui and PostgreSQL processes of the local stack, or says why not. */
    static WebUiLoad onLocalStack() {
        // this checkout's web-ui and the database in its data folder: other checkouts on the machine may run a stack too
        String jar = Path.of("web-ui/target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString();
        long webUi = process(cmd -> cmd.contains(jar))
                .orElseThrow(() -> new IllegalStateException("no web-ui process of ./spinewise up of this checkout"));
        String data = Optional.ofNullable(System.getenv("SPINEWISE_DATA")).map(Path::of)
                .orElse(Path.of(".spinewise")).toAbsolutePath().resolve("postgres").toString();
        long postgres = process(cmd -> cmd.contains("/bin/postgres ") && cmd.contains("-D " + data + " ")
                && cmd.contains("-p " + Platform.DATABASE_PORT))
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL process of ./spinewise up in " + data));
        return new WebUiLoad(webUi, postgres);
    }

    /** Loads {@code url} with the session's cookies at each concurrency and prints one row per level. */
    void run(String name, String url, String cookies, List<Integer> concurrency, Duration warmUp, Duration window) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookies)
                .header("Accept-Encoding", "gzip")
                .timeout(Duration.ofSeconds(30))
                .build();
        Scenario scenario = new Scenario(name, Scenario.Target.WEB, concurrency, () -> request);
        load.warmUp(scenario, concurrency.get(concurrency.size() - 1), warmUp);
        for (int level : concurrency) {
            LoadResult result = load.measure(scenario, webUi, level, window);
            Report.loadRow(result);
        }
    }

    /** The oldest matching process: PostgreSQL's postmaster rather than one of its backends. */
    static Optional<Long> process(Predicate<String> commandLine) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(commandLine::test).orElse(false))
                .min((a, b) -> a.info().startInstant().orElse(Instant.MAX)
                        .compareTo(b.info().startInstant().orElse(Instant.MAX)))
                .map(ProcessHandle::pid);
    }
}

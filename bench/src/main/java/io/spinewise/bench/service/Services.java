package io.spinewise.bench.service;

import io.spinewise.testsupport.JarProcess;
import io.spinewise.testsupport.TestIssuer;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * catalog-service and plan-service from their packaged jars, each shaped like one pod of
 * {@code k8s/base}: CPU limit 1 → pinned to one core with {@code taskset} and told it has one
 * processor ({@code -XX:ActiveProcessorCount=1}, which also picks the GC and thread pools a 1-CPU
 * container gets); the heap the images give it ({@code -Xms32m -Xmx128m}, of a 768 MiB limit), with their native
 * memory settings ({@code -XX:TrimNativeHeapInterval=5000}, {@code MALLOC_ARENA_MAX=2}); a pool
 * of 10 database connections (the ConfigMap's {@code QUARKUS_DATASOURCE_JDBC_MAX_SIZE}). Tokens are
 * verified against the test issuer's key, as in plan-service's own tests.
 */
final class Services implements AutoCloseable {

    /** The core the services are pinned to: the machine's last, so PostgreSQL and the load start elsewhere. */
    static final int SERVICE_CORE = CoreLayout.CORES - 1;
    /** A pod's JVM: one processor, and the memory options the images give it ({@code JAVA_OPTS_APPEND} in Dockerfile.jvm). */
    private static final List<String> POD_JVM = List.of("-XX:ActiveProcessorCount=1", "-Xms32m", "-Xmx128m",
            "-XX:TrimNativeHeapInterval=5000");
    /** A pod's environment as the images set it ({@code ENV MALLOC_ARENA_MAX} in Dockerfile.jvm). */
    private static final List<String> POD_ENV = List.of("MALLOC_ARENA_MAX=2");
    /** Candidate JVM options to try on every pod, after {@link #POD_JVM} (so they win): {@code BENCH_POD_JVM="-Xmx128m ..."}. */
    private static final List<String> TRIED_JVM = List.of(System.getenv().getOrDefault("BENCH_POD_JVM", "").trim()
            .split("\\s+")).stream().filter(option -> !option.isEmpty()).toList();
    /** Candidate environment variables for every pod, after {@link #POD_ENV}: {@code BENCH_POD_ENV="MALLOC_ARENA_MAX=8 ..."}. */
    private static final List<String> TRIED_ENV = List.of(System.getenv().getOrDefault("BENCH_POD_ENV", "").trim()
            .split("\\s+")).stream().filter(variable -> !variable.isEmpty()).toList();

    final String catalogUrl;
    final String planUrl;
    final JarProcess catalog;
    final JarProcess plan;

    private Services(String catalogUrl, JarProcess catalog, String planUrl, JarProcess plan) {
        this.catalogUrl = catalogUrl;
        this.catalog = catalog;
        this.planUrl = planUrl;
        this.plan = plan;
    }

    static Services start(BenchDatabase db, Path logs) {
        int catalogPort = JarProcess.freePort();
        String catalogUrl = "http://127.0.0.1:" + catalogPort;
        JarProcess catalog = catalog(db, catalogPort, logs);
        int planPort = JarProcess.freePort();
        String planUrl = "http://127.0.0.1:" + planPort;
        JarProcess plan = plan(db, planPort, catalogUrl, logs);
        return new Services(catalogUrl, catalog, planUrl, plan);
    }

    /** catalog-service as one pod on {@code port}; returns once it is ready. */
    static JarProcess catalog(BenchDatabase db, int port, Path logs) {
        return start("catalog-service", db, "catalog", port, Map.of(), logs);
    }

    /** plan-service as one pod on {@code port}, calling the catalog at {@code catalogUrl}; returns once it is ready. */
    static JarProcess plan(BenchDatabase db, int port, String catalogUrl, Path logs) {
        return start("plan-service", db, "plan", port, Map.of(
                "quarkus.rest-client.catalog.url", catalogUrl,
                // no Keycloak: enrolment is not measured, and the service account is fetched lazily
                "quarkus.oidc-client.auth-server-url", "http://127.0.0.1:9/realms/clinic",
                // the bench measures what a pod can do, as one admin and one chiropractor: the per-user allowances
                // and the clinic's two reports at once (docs/reliability.md, "Limits") are lifted out of its way
                "spinewise.plan.limits.writes-per-minute", "100000000",
                "spinewise.plan.limits.exports-per-hour", "100000000",
                "spinewise.plan.report.concurrent-per-clinic", "1000",
                // the adherence rollup's job settles the loaded history soon after the load, not a minute later
                "spinewise.adherence-rollup.every", "2s",
                // the reminder planner reads every patient with an active plan, one transaction each, every minute
                // (≈ 740 a second for the bench's 23,300 patients, half of each minute, on the pod's core): work of
                // no call, which landed in some calls' CPU figures and not others' (bench/README.md, "Today")
                "spinewise.reminders.jobs", "false"), logs);
    }

    /** Any Quarkus jar as one pod (pinned, one processor, the pod's heap); returns once {@code readyUrl} answers 200. */
    static JarProcess pod(String name, Path jar, Map<String, String> properties, URI readyUrl, Path logs) {
        List<String> jvm = new ArrayList<>(POD_JVM);
        jvm.addAll(TRIED_JVM);
        return JarProcess.start(name, pinning(), jvm, jar, properties, readyUrl, Duration.ofSeconds(120),
                logs.resolve(name + ".log"));
    }

    /** How the services were limited, for the report. */
    static String limits() {
        return podLimits() + ", 10 DB connections";
    }

    /** How every {@link #pod} is started: its core and its JVM options. */
    static String podLimits() {
        return (!pinning().contains("taskset") ? "not pinned (taskset missing)" : "taskset -c " + SERVICE_CORE) + ", "
                + String.join(", ", POD_JVM) + (TRIED_JVM.isEmpty() ? "" : ", tried: " + String.join(", ", TRIED_JVM))
                + ", " + String.join(" ", POD_ENV)
                + (TRIED_ENV.isEmpty() ? "" : ", environment tried: " + String.join(" ", TRIED_ENV));
    }

    private static JarProcess start(String name, BenchDatabase db, String database, int port, Map<String, String> extra,
                                    Path logs) {
        Map<String, String> properties = new HashMap<>(new TestIssuer().start());
        properties.put("quarkus.oidc.auth-server-url", "");
        properties.put("quarkus.http.port", Integer.toString(port));
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("quarkus.datasource.jdbc.url", db.jdbcUrl(database));
        // as ./spinewise up runs them: the runtime role at run time, the owner for the migrations (BenchDatabase)
        properties.put("quarkus.datasource.username", database + "_app");
        properties.put("quarkus.datasource.password", database + "_app");
        properties.put("quarkus.flyway.username", database);
        properties.put("quarkus.flyway.password", database);
        properties.put("quarkus.datasource.jdbc.max-size", "10");
        properties.put("quarkus.log.level", "WARN");
        // not prod: plan-service keeps its development client secret (the prod profile refuses it)
        properties.put("quarkus.profile", "local");
        properties.putAll(extra);
        Path jar = Path.of(name, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        return pod(name, jar, properties, URI.create("http://127.0.0.1:" + port + "/q/health/ready"), logs);
    }

    /** What runs before {@code java}: the pod's environment ({@code env} execs), then its core ({@code taskset}). */
    private static List<String> pinning() {
        List<String> prefix = new ArrayList<>(List.of("env"));
        prefix.addAll(POD_ENV);
        prefix.addAll(TRIED_ENV);
        if (CoreLayout.tasksetInstalled()) {
            prefix.addAll(List.of("taskset", "-c", Integer.toString(SERVICE_CORE)));
        }
        return prefix;
    }

    @Override
    public void close() {
        plan.stop();
        catalog.stop();
    }
}

package io.spinewise.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.WEB;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * One page request is one trace across the platform: a chiropractor prescribes "Mid-back relief" in Chromium,
 * and the spans the three services export to the tests' OTLP receiver ({@link OtlpReceiver}, standing in for
 * the operator's collector) share one trace id, web-ui's server span its root: web-ui calls plan-service,
 * which calls catalog-service for the routine's exercises, each call a client span that is the parent of the
 * called service's server span (W3C trace context), and each service's SQL statements are spans under its own.
 * Every line of the services' logs names its trace and span (empty outside a request), and a trace a log
 * line names is one the services exported.
 */
@ExtendWith(PagesOnFailure.class)
class TracingIT {

    private static final String ZONE = "Europe/Zurich";
    private static final String PRESCRIBE = "POST /patients/{id}/prescribe";
    private static final Duration EXPORTED_WITHIN = Duration.ofSeconds(30);
    /** A line the log format starts (a time and a level), not the continuation of a stack trace. */
    private static final Pattern LOG_LINE = Pattern.compile("\\d\\d:\\d\\d:\\d\\d [A-Z]+ ");
    private static final String WITH_IDS = "\\d\\d:\\d\\d:\\d\\d [A-Z]+ +traceId=(\\p{XDigit}{32})? spanId=(\\p{XDigit}{16})? .*";
    private static final Pattern TRACE_ID = Pattern.compile("traceId=(\\p{XDigit}{32}) ");

    @Test
    void aPrescriptionIsOneTraceThroughWebUiPlanServiceCatalogServiceAndTheirDatabases() throws Exception {
        assumeFalse(RunningPlatform.alreadyRunning(), "a platform started elsewhere sends its traces where its user chose");
        Response enrolled = as(token("dr.ada")).body(Map.of("firstName", "Tess", "lastName", "Tracer", "timeZone", ZONE,
                "email", "tess." + UUID.randomUUID().toString().substring(0, 8) + "@example.org"))
                .post(PLAN + "/api/patients");
        enrolled.then().statusCode(201);
        String patientId = enrolled.path("patient.id");

        Browser chiropractor = SignedIn.as("dr.ada");
        chiropractor.open(WEB + "/patients/" + patientId + "/prescribe");
        new Select(chiropractor.find("#routine-pick")).selectByVisibleText("Mid-back relief");
        chiropractor.click("form.search-row button[type='submit']");
        chiropractor.waitFor(d -> d.findElements(By.cssSelector("fieldset.item-row")).size() == 4);
        chiropractor.script("arguments[0].value = arguments[1]", chiropractor.find("input[name='startDate']"),
                LocalDate.now(ZoneId.of(ZONE)).toString());
        chiropractor.click("button[name='action'][value='save']");
        chiropractor.waitFor(d -> chiropractor.path().equals("/patients/" + patientId));

        List<OtlpReceiver.Span> trace = awaitTrace(spans -> has(spans, "catalog-service", "SERVER")
                && hasSql(spans, "plan-service") && hasSql(spans, "catalog-service"));
        trace.forEach(span -> System.out.println("[trace] " + span.service() + " " + span.kind() + " " + span.name()
                + " span " + span.spanId() + " parent " + span.parentSpanId()));

        Map<String, OtlpReceiver.Span> byId = trace.stream().collect(Collectors.toMap(OtlpReceiver.Span::spanId, s -> s));
        OtlpReceiver.Span root = only(trace, span -> span.parentSpanId().isEmpty());
        assertThat(root.service() + " " + root.name()).isEqualTo("web-ui " + PRESCRIBE);
        assertThat(trace).as("every span's parent is in the same trace")
                .allSatisfy(span -> assertThat(span.parentSpanId().isEmpty() || byId.containsKey(span.parentSpanId()))
                        .as(span.service() + " " + span.name()).isTrue());
        for (String[] call : new String[][] {{"web-ui", "plan-service"}, {"plan-service", "catalog-service"}}) {
            assertThat(trace).as(call[0] + " calls " + call[1] + ": its client span is the parent of the server span")
                    .anySatisfy(server -> {
                        assertThat(server.service() + " " + server.kind()).isEqualTo(call[1] + " SPAN_KIND_SERVER");
                        OtlpReceiver.Span parent = byId.get(server.parentSpanId());
                        assertThat(parent.service() + " " + parent.kind()).isEqualTo(call[0] + " SPAN_KIND_CLIENT");
                    });
        }
        for (String service : List.of("plan-service", "catalog-service")) {
            assertThat(trace).as(service + "'s SQL statements are spans under its own")
                    .anySatisfy(sql -> {
                        assertThat(sql.service()).isEqualTo(service);
                        assertThat(sql.attributes()).containsKey(dbSystemKey(sql));
                        assertThat(byId.get(sql.parentSpanId()).service()).isEqualTo(service);
                    });
        }
    }

    @Test
    void everyServiceLogLineNamesItsTraceAndSpanAndTheTraceIsOneTheCollectorReceived() throws Exception {
        assumeFalse(RunningPlatform.alreadyRunning(), "a platform started elsewhere sends its traces where its user chose");
        Set<String> named = new HashSet<>();
        for (String log : List.of("web-ui.log", "plan-service.log", "catalog-service.log")) {
            List<String> lines = Files.readAllLines(logs().resolve(log)).stream()
                    .filter(line -> LOG_LINE.matcher(line).lookingAt()).toList();
            assertThat(lines).as(log).isNotEmpty().allSatisfy(line -> assertThat(line).matches(WITH_IDS));
            lines.stream().map(TRACE_ID::matcher).filter(Matcher::find).forEach(found -> named.add(found.group(1)));
        }
        // a line written in a request carries that request's ids; its trace is one the services exported
        Instant deadline = Instant.now().plus(EXPORTED_WITHIN);
        Set<String> missing = named;
        while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
            Set<String> exported = RunningPlatform.traces().stream().map(OtlpReceiver.Span::traceId).collect(Collectors.toSet());
            missing = named.stream().filter(id -> !exported.contains(id)).collect(Collectors.toSet());
            Thread.sleep(500);
        }
        System.out.println("[trace] " + named.size() + " trace ids named in the service logs, all exported: " + missing.isEmpty());
        assertThat(missing).as("traces named in log lines but never exported").isEmpty();
    }

    /** The trace of the prescription's POST, once {@code complete} holds for its spans (they arrive in batches). */
    private static List<OtlpReceiver.Span> awaitTrace(Predicate<List<OtlpReceiver.Span>> complete) throws InterruptedException {
        Instant deadline = Instant.now().plus(EXPORTED_WITHIN);
        List<OtlpReceiver.Span> trace = List.of();
        while (Instant.now().isBefore(deadline)) {
            List<OtlpReceiver.Span> spans = RunningPlatform.traces();
            Optional<String> traceId = spans.stream()
                    .filter(span -> span.service().equals("web-ui") && span.name().equals(PRESCRIBE))
                    .map(OtlpReceiver.Span::traceId).reduce((first, last) -> last);
            trace = traceId.map(id -> spans.stream().filter(span -> span.traceId().equals(id)).toList()).orElse(List.of());
            if (complete.test(trace)) {
                return trace;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no complete trace of " + PRESCRIBE + " within " + EXPORTED_WITHIN + "; got: "
                + trace.stream().map(span -> span.service() + " " + span.name()).toList());
    }

    private static boolean has(List<OtlpReceiver.Span> spans, String service, String kind) {
        return spans.stream().anyMatch(span -> span.service().equals(service) && span.kind().endsWith(kind));
    }

    private static boolean hasSql(List<OtlpReceiver.Span> spans, String service) {
        return spans.stream().anyMatch(span -> span.service().equals(service) && !dbSystemKey(span).isEmpty());
    }

    /** The database attribute of a JDBC span: {@code db.system.name} in current semantic conventions, {@code db.system} before. */
    private static String dbSystemKey(OtlpReceiver.Span span) {
        Set<String> keys = span.attributes().keySet();
        return keys.contains("db.system.name") ? "db.system.name" : keys.contains("db.system") ? "db.system" : "";
    }

    private static OtlpReceiver.Span only(List<OtlpReceiver.Span> spans, Predicate<OtlpReceiver.Span> which) {
        List<OtlpReceiver.Span> found = spans.stream().filter(which).toList();
        assertThat(found).as("one root span").hasSize(1);
        return found.get(0);
    }

    private static Path logs() {
        return RunningPlatform.logs();
    }
}

package io.spinewise.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.SilentPort;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.enrol;
import static io.spinewise.plan.Fixtures.fromExercises;
import static io.spinewise.plan.Fixtures.schedule;
import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.oneOf;

/**
 * The production log format (one JSON object a line, {@code %prod} in application.properties) with tracing on:
 * every line is JSON, none carries a token, a patient's name or e-mail address or a note, and a line written
 * while serving a request names that request's trace and span in its {@code mdc} object. The lines are
 * written by the same JSON formatter to a file here ({@code quarkus.log.file.json}), since a test cannot read
 * its own console; catalog-service is a closed port, so that a prescription makes plan-service log a warning.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = JsonLogTest.JsonLinesWithTracing.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class JsonLogTest {

    private static final Path LOG = Path.of("target/json-log-test/plan-service.log");
    private static final String FIRST_NAME = "Quirinella";

    @Test
    void jsonLinesCarryTheRequestsTraceAndNeverATokenNameAddressOrNote() throws IOException {
        EnrolledPatient patient = enrol(NORTH_CHIRO, NORTH, FIRST_NAME, "Europe/Berlin");
        String note = "json-log-" + UUID.randomUUID();
        // catalog-service unreachable: a 503, and plan-service's warning about it, written in the request
        as(NORTH_CHIRO).body(fromExercises(schedule(patient.today(), 1), "cat-cow"))
                .post("/api/patients/" + patient.id() + "/plans").then().statusCode(503);
        // refused: a note on a session of a plan that is not the patient's, and a tampered token
        as(patient.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("planId", UUID.randomUUID().toString(), "date", "2001-01-01", "slot", 1,
                        "items", List.of(), "note", note))
                .post("/api/me/sessions").then().statusCode(oneOf(400, 404, 422));
        String tampered = patient.token().substring(0, patient.token().length() - 4) + "AAAA";
        as(tampered).get("/api/me/today").then().statusCode(401);

        List<JsonNode> lines = jsonLines();
        String text = Files.readString(LOG);
        for (String secret : List.of(patient.token(), signature(patient.token()), NORTH_CHIRO, signature(NORTH_CHIRO),
                FIRST_NAME, FIRST_NAME.toLowerCase() + "-", note)) { // the e-mail address begins with the name
            assertThat(text).as("the log must not contain " + secret.substring(0, Math.min(12, secret.length())) + "…")
                    .doesNotContain(secret);
        }
        List<JsonNode> catalogWarnings = lines.stream()
                .filter(line -> line.path("loggerName").asText().endsWith("CatalogClient")).toList();
        assertThat(catalogWarnings).as("plan-service's warning about catalog-service").isNotEmpty()
                .allSatisfy(line -> {
                    assertThat(line.path("level").asText()).isEqualTo("WARN");
                    assertThat(line.path("mdc").path("traceId").asText()).matches("\\p{XDigit}{32}");
                    assertThat(line.path("mdc").path("spanId").asText()).matches("\\p{XDigit}{16}");
                });
    }

    /** Every line of the file, each a JSON object. */
    private static List<JsonNode> jsonLines() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(LOG)) {
            JsonNode node = json.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            assertThat(node.has("timestamp") && node.has("level") && node.has("message")).as(line).isTrue();
            lines.add(node);
        }
        assertThat(lines).isNotEmpty();
        return lines;
    }

    /** The signature part of a JWT: the piece that makes it usable. */
    private static String signature(String jwt) {
        return jwt.substring(jwt.lastIndexOf('.') + 1);
    }

    /**
     * JSON lines to a file; tracing on with an endpoint that is never reached during the test (spans are kept
     * for an hour's batch), so that requests have trace ids; catalog-service a closed port.
     */
    public static class JsonLinesWithTracing implements QuarkusTestResourceLifecycleManager {

        private final SilentPort catalog = new SilentPort();

        @Override
        public Map<String, String> start() {
            try {
                Files.deleteIfExists(LOG);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            catalog.close();
            return Map.ofEntries(
                    Map.entry("quarkus.log.file.enabled", "true"),
                    Map.entry("quarkus.log.file.path", LOG.toString()),
                    Map.entry("quarkus.log.file.json.enabled", "true"),
                    Map.entry("quarkus.otel.exporter.otlp.endpoint", "http://127.0.0.1:9"),
                    Map.entry("quarkus.otel.bsp.schedule.delay", "1h"),
                    Map.entry("quarkus.otel.bsp.max.queue.size", "100000"),
                    Map.entry("quarkus.otel.bsp.max.export.batch.size", "100000"),
                    Map.entry("quarkus.otel.exporter.otlp.timeout", "1s"),
                    Map.entry("quarkus.rest-client.catalog.url", catalog.url()));
        }

        @Override
        public void stop() {
            catalog.close();
        }
    }
}

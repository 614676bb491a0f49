package io.spinewise.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.spinewise.launcher.Platform;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * catalog-service outage: a prescription is a snapshot of the catalog, so patients still see
 * today's routine and check sessions off while catalog-service is stopped; only a new
 * prescription, which must be checked against the catalog, is refused with a 503 problem that
 * says so. Once catalog-service is back, prescribing works again.
 */
class CatalogOutageIT {

    private static final long FAST_MILLIS = 5_000;

    @Test
    void patientsKeepTheirRoutineAndCheckOffWhileANewPrescriptionIsA503() throws Exception {
        Platform platform = FaultPlatform.get();
        Api.User chiropractor = new Api.User("dr.ada", "demo");
        Api.Patient patient = Api.enrol(chiropractor, "catalogless");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID plan = Api.prescribe(chiropractor, patient, today.minusDays(1));
        Map<String, Object> prescription = Map.of("routine", "mid-back-relief",
                "schedule", Map.of("startDate", today.toString()));
        String plans = FaultPlatform.PLAN + "/api/patients/" + patient.id() + "/plans";

        platform.stop("catalog-service");
        long stopped = System.nanoTime();
        HttpResponse<String> routine;
        HttpResponse<String> checkOff;
        HttpResponse<String> refused;
        long refusedIn;
        long servedAgain;
        try {
            routine = Api.send(patient.user(), "GET", FaultPlatform.PLAN + "/api/me/today", null);
            checkOff = Api.send(patient.user(), "POST", FaultPlatform.PLAN + "/api/me/sessions",
                    Api.checkOff(plan, today.minusDays(1), 1), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            long begin = System.nanoTime();
            refused = Api.send(chiropractor, "POST", plans, prescription);
            refusedIn = System.nanoTime() - begin;
        } finally {
            platform.start("catalog-service");
        }
        long back = System.nanoTime();
        HttpResponse<String> prescribed = Api.send(chiropractor, "POST", plans, prescription);
        servedAgain = System.nanoTime() - back;

        JsonNode today0 = Api.JSON.readTree(routine.body());
        FaultReport.table("catalog-service outage: stopped for " + FaultReport.seconds(back - stopped),
                List.of("patient's today", "check-off", "new prescription during", "answered in", "prescription after"),
                List.of(List.of(routine.statusCode() + "", checkOff.statusCode() + "",
                        refused.statusCode() + " " + refused.headers().firstValue("Content-Type").orElse(""),
                        FaultReport.seconds(refusedIn), prescribed.statusCode() + " after "
                                + FaultReport.seconds(servedAgain))));

        assertThat(routine.statusCode()).as("today's routine without the catalog").isEqualTo(200);
        assertThat(today0.findValuesAsText("exercise")).as("the routine's exercises, from the snapshot").contains("cat-cow");
        assertThat(checkOff.statusCode()).as("a check-off without the catalog").isEqualTo(201);
        assertThat(refused.statusCode()).as("a new prescription without the catalog").isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).as("Retry-After").isPresent();
        assertThat(Api.JSON.readTree(refused.body()).get("detail").asText()).contains("catalog");
        assertThat(refusedIn / 1_000_000).as("ms to refuse").isLessThan(FAST_MILLIS);
        assertThat(prescribed.statusCode()).as("a prescription once the catalog is back").isEqualTo(201);
    }
}

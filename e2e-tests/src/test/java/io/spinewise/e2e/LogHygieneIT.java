package io.spinewise.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.CATALOG;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.oneOf;

/**
 * What the services write to their logs never carries a token, a patient's name or e-mail address, or a
 * note: the logs of a running platform are read back after calls that put each of them in front of the
 * services, the refused ones included (a bad request, a tampered token, another patient's id), since an
 * error path is where a careless log line would print what it was given. Keycloak's own log is not ours
 * and not read.
 */
class LogHygieneIT {

    private static final List<String> SERVICE_LOGS = List.of("catalog-service.log", "plan-service.log", "web-ui.log");

    @Test
    void noTokenNameAddressOrNoteReachesAServiceLog() throws IOException {
        String paul = token("patient.paul");
        String ada = token("dr.ada");
        String note = "log-hygiene-" + UUID.randomUUID();
        as(paul).get(PLAN + "/api/me/today").then().statusCode(200);
        as(paul).get(CATALOG + "/api/exercises/cat-cow").then().statusCode(200);
        // refused: a note on a session of a plan that is not Paul's, and a date no plan has
        as(paul).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("planId", UUID.randomUUID().toString(), "date", "2001-01-01", "slot", 1,
                        "items", List.of(), "note", note))
                .post(PLAN + "/api/me/sessions").then().statusCode(oneOf(400, 404, 422));
        as(paul.substring(0, paul.length() - 4) + "AAAA").get(PLAN + "/api/me/today").then().statusCode(401);
        as(ada).get(PLAN + "/api/patients/" + UUID.randomUUID()).then().statusCode(404);
        as(ada).get(PLAN + "/api/dashboard").then().statusCode(200);

        List<String> forbidden = List.of(paul, signature(paul), ada, signature(ada), note, "Meyer", "Novak", "Okafor",
                "paul@north.example");
        for (String log : SERVICE_LOGS) {
            Path file = RunningPlatform.logs().resolve(log);
            assertThat(file).exists();
            String text = Files.readString(file);
            for (String secret : forbidden) {
                assertThat(text).as(log + " must not contain " + secret.substring(0, Math.min(12, secret.length())) + "…")
                        .doesNotContain(secret);
            }
        }
    }

    /** The signature part of a JWT: the piece that makes it usable, and the one a log would print whole. */
    private static String signature(String jwt) {
        return jwt.substring(jwt.lastIndexOf('.') + 1);
    }
}

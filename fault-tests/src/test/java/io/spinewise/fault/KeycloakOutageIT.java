package io.spinewise.fault;

import io.spinewise.launcher.Platform;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak outage, hung (SIGSTOP: its ports open, nothing answered) and then stopped: tokens
 * already issued keep working on both services, which verify them with the keys they already
 * hold; what needs Keycloak itself (enrolling a patient) is refused fast with a 503 problem.
 * In web-ui, a patient signed in before the outage (through Keycloak's real login form) keeps
 * seeing their pages, and a visitor who is not signed in gets web-ui's own "sign-in is
 * unavailable" page at once, not a redirect to a Keycloak that never answers.
 */
class KeycloakOutageIT {

    private static final long FAST_MILLIS = 8_000;
    private static final String SIGN_IN_UNAVAILABLE = "Sign-in is temporarily unavailable";

    @Test
    void issuedTokensKeepWorkingAndEnrolmentIsAFast503WhileKeycloakIsHungOrStopped() throws Exception {
        Platform platform = FaultPlatform.get();
        Api.User chiropractorLogin = new Api.User("dr.ada", "demo");
        Api.Patient patient = Api.enrol(chiropractorLogin, "keyless");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID plan = Api.prescribe(chiropractorLogin, patient, today.minusDays(1));
        Api.User chiropractor = chiropractorLogin.holdingCurrentToken();
        Api.User patientUser = patient.user().holdingCurrentToken();
        List<Callable<HttpResponse<String>>> withTokens = List.of(
                () -> Api.send(patientUser, "GET", FaultPlatform.PLAN + "/api/me/today", null),
                () -> Api.send(patientUser, "GET", FaultPlatform.CATALOG + "/api/routines/mid-back-relief", null),
                () -> Api.send(chiropractor, "GET", FaultPlatform.PLAN + "/api/patients/" + patient.id(), null),
                () -> Api.send(chiropractor, "GET", FaultPlatform.CATALOG + "/api/exercises", null));
        Callable<HttpResponse<String>> enrol = () -> Api.send(chiropractor, "POST", FaultPlatform.PLAN + "/api/patients",
                Map.of("firstName", "Nokey", "lastName", "Fault", "email",
                        "nokey." + UUID.randomUUID().toString().substring(0, 8) + "@example.org", "timeZone", "UTC"));

        WebSession signedIn = WebSession.signIn(FaultPlatform.WEB + "/today", patient.user().username(),
                patient.user().password());

        List<List<String>> rows = new ArrayList<>();
        List<List<String>> webRows = new ArrayList<>();
        List<HttpResponse<String>> signedInPages = new ArrayList<>();
        List<HttpResponse<String>> newVisitors = new ArrayList<>();
        long slowestWebAnswer = 0;
        List<HttpResponse<String>> tokenCalls = new ArrayList<>();
        List<HttpResponse<String>> enrolments = new ArrayList<>();
        long slowestEnrolment = 0;
        for (String fault : List.of("hung", "stopped")) {
            if (fault.equals("hung")) {
                platform.pause("keycloak");
            } else {
                platform.stop("keycloak");
            }
            try {
                List<HttpResponse<String>> calls = new ArrayList<>();
                for (Callable<HttpResponse<String>> call : withTokens) {
                    calls.add(call.call());
                }
                calls.add(Api.send(patientUser, "POST", FaultPlatform.PLAN + "/api/me/sessions",
                        Api.checkOff(plan, today.minusDays(1), fault.equals("hung") ? 1 : 2),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString())));
                long begin = System.nanoTime();
                HttpResponse<String> enrolled = enrol.call();
                long took = System.nanoTime() - begin;
                slowestEnrolment = Math.max(slowestEnrolment, took);
                tokenCalls.addAll(calls);
                enrolments.add(enrolled);
                rows.add(List.of(fault, calls.stream().filter(r -> r.statusCode() / 100 == 2).count() + " of " + calls.size(),
                        enrolled.statusCode() + " " + enrolled.headers().firstValue("Content-Type").orElse(""),
                        FaultReport.seconds(took)));

                begin = System.nanoTime();
                HttpResponse<String> page = signedIn.get(FaultPlatform.WEB + "/today");
                long pageTook = System.nanoTime() - begin;
                begin = System.nanoTime();
                HttpResponse<String> visitor = WebSession.anonymous(FaultPlatform.WEB + "/today");
                long visitorTook = System.nanoTime() - begin;
                slowestWebAnswer = Math.max(slowestWebAnswer, Math.max(pageTook, visitorTook));
                signedInPages.add(page);
                newVisitors.add(visitor);
                webRows.add(List.of(fault, page.statusCode() + (isTodayPage(page) ? " today's routine" : " " + excerpt(page))
                                + ", " + FaultReport.seconds(pageTook),
                        visitor.statusCode() + (visitor.body().contains(SIGN_IN_UNAVAILABLE) ? " \"" + SIGN_IN_UNAVAILABLE
                                + "\" page" : " " + visitor.headers().firstValue("Location").orElse(excerpt(visitor)))
                                + ", " + FaultReport.seconds(visitorTook)));
            } finally {
                if (fault.equals("hung")) {
                    platform.resume("keycloak");
                } else {
                    platform.start("keycloak");
                }
            }
        }
        HttpResponse<String> enrolledAfter = Api.send(chiropractorLogin, "POST", FaultPlatform.PLAN + "/api/patients",
                Map.of("firstName", "Keyback", "lastName", "Fault", "email",
                        "keyback." + UUID.randomUUID().toString().substring(0, 8) + "@example.org", "timeZone", "UTC"));
        rows.add(List.of("back", "", enrolledAfter.statusCode() + "", ""));
        long back = System.nanoTime();
        HttpResponse<String> visitorAfter = WebSession.anonymous(FaultPlatform.WEB + "/today");
        while (visitorAfter.statusCode() != 302 && System.nanoTime() - back < 20_000_000_000L) {
            Thread.sleep(250);
            visitorAfter = WebSession.anonymous(FaultPlatform.WEB + "/today");
        }
        webRows.add(List.of("back", signedIn.get(FaultPlatform.WEB + "/today").statusCode() + "",
                visitorAfter.statusCode() + " to Keycloak's login, " + FaultReport.seconds(System.nanoTime() - back)
                        + " after enrolment worked again"));
        FaultReport.table("web-ui while Keycloak is hung (SIGSTOP), then stopped",
                List.of("Keycloak", "page of a patient signed in before (status, answered in)",
                        "visitor not signed in (status, answered in)"), webRows);
        FaultReport.table("Keycloak outage: hung (SIGSTOP), then stopped",
                List.of("Keycloak", "calls with tokens issued before (both services, reads and a check-off)",
                        "enrolment (needs Keycloak)", "enrolment answered in"), rows);

        assertThat(tokenCalls).as("calls with tokens issued before the outage").allMatch(r -> r.statusCode() / 100 == 2);
        assertThat(enrolments).as("enrolment while Keycloak is away: a 503 problem with Retry-After")
                .allMatch(r -> r.statusCode() == 503
                        && r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                        && r.headers().firstValue("Retry-After").isPresent());
        assertThat(slowestEnrolment / 1_000_000).as("ms to refuse an enrolment").isLessThan(FAST_MILLIS);
        assertThat(enrolledAfter.statusCode()).as("enrolment once Keycloak is back").isEqualTo(201);
        assertThat(signedInPages).as("a signed-in patient's today page while Keycloak is away")
                .allMatch(KeycloakOutageIT::isTodayPage);
        assertThat(newVisitors).as("a new visitor while Keycloak is away: web-ui's 503 page, no redirect, no trace")
                .allMatch(r -> r.statusCode() == 503 && r.body().contains(SIGN_IN_UNAVAILABLE)
                        && r.headers().firstValue("Location").isEmpty() && !r.body().contains("Exception"));
        assertThat(slowestWebAnswer / 1_000_000).as("ms for web-ui's slowest answer during the outage").isLessThan(FAST_MILLIS);
        assertThat(visitorAfter.statusCode()).as("a new visitor is sent to Keycloak's login once it is back").isEqualTo(302);
    }

    private static boolean isTodayPage(HttpResponse<String> page) {
        // the patient's own page, signed in (the layout's sign-out form), with the plan from plan-service
        return page.statusCode() == 200 && page.body().contains("<h1>Today</h1>")
                && page.body().contains("action=\"/logout\"") && page.body().contains("class=\"plan\"");
    }

    private static String excerpt(HttpResponse<String> page) {
        String body = page.body().replaceAll("\\s+", " ");
        return body.substring(0, Math.min(80, body.length()));
    }
}

package io.spinewise.web.contract;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks the stub services rely on can fail: each kind of break from the contract is found. */
class ServiceContractTest {

    private static final String ADHERENCE = "/api/patients/5f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b/adherence";

    private static ServiceContract.Route route(String method, String path) {
        return ServiceContract.route(method, path).orElseThrow();
    }

    @Test
    void aPathNeitherServiceHasHasNoRoute() {
        assertThat(ServiceContract.route("GET", "/api/patients/x/calendar")).isEmpty();
        assertThat(ServiceContract.route("DELETE", "/api/dashboard")).isEmpty();
        assertThat(route("GET", "/api/exercises/cat-cow").operation().getOperationId()).isEqualTo("getExercise");
        assertThat(route("GET", "/api/exercises").operation().getOperationId()).isEqualTo("listExercises");
    }

    @Test
    void anUndeclaredQueryParameterIsAProblemADeclaredOneIsNot() {
        assertThat(ServiceContract.requestProblems(route("GET", ADHERENCE),
                Map.of("from", List.of("2026-11-01"), "days", List.of("true")), null, "")).isEmpty();
        assertThat(ServiceContract.requestProblems(route("GET", ADHERENCE), Map.of("perDay", List.of("true")), null, ""))
                .singleElement().asString().contains("'perDay'");
    }

    @Test
    void aRequestBodyTheSchemaRefusesIsAProblem() {
        ServiceContract.Route changeMe = route("PATCH", "/api/me");
        assertThat(ServiceContract.requestProblems(changeMe, Map.of(), "application/json", "{\"timeZone\":\"UTC\"}"))
                .isEmpty();
        assertThat(ServiceContract.requestProblems(changeMe, Map.of(), "application/json", "{\"language\":\"it\"}"))
                .isNotEmpty();
        assertThat(ServiceContract.requestProblems(route("GET", "/api/me"), Map.of(), "application/json", "{}"))
                .singleElement().asString().contains("takes no request body");
    }

    @Test
    void anAnswerWithAMissingFieldAnUnknownStatusOrABadProblemIsAProblem() {
        ServiceContract.Route me = route("GET", "/api/me");
        String patient = """
                {"id":"5f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b","firstName":"Paul","lastName":"P","name":"Paul P",
                 "email":null,"username":"paul","timeZone":"UTC","language":null,"createdAt":"2026-11-01T08:00:00Z",
                 "erasureRequestedAt":null,"erasedAt":null}""";
        assertThat(ServiceContract.answerProblems(me, 200, "application/json", patient)).isEmpty();
        assertThat(ServiceContract.answerProblems(me, 200, "application/json", patient.replace("\"timeZone\":\"UTC\",", "")))
                .singleElement().asString().contains("timeZone");
        assertThat(ServiceContract.answerProblems(me, 201, "application/json", patient))
                .singleElement().asString().contains("never answers 201");
        assertThat(ServiceContract.answerProblems(me, 404, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}")).isEmpty();
        assertThat(ServiceContract.answerProblems(me, 404, "application/problem+json", "{\"error\":\"no\"}")).isNotEmpty();
        assertThat(ServiceContract.answerProblems(me, 404, "text/html", "<p>no</p>")).isNotEmpty();
    }
}

package io.spinewise.web.contract;

import io.spinewise.web.client.CatalogApi;
import io.spinewise.web.client.Downloads;
import io.spinewise.web.client.LicensedTextApi;
import io.spinewise.web.client.PlanApi;
import io.spinewise.web.client.model.FhirResourceType;
import io.spinewise.web.reminders.OneClickUnsubscribe;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * web-ui's REST clients read as what they send: each method of {@link CatalogApi} and
 * {@link PlanApi} (path, HTTP method, query parameters, body) and each file {@link Downloads}
 * passes through must be an operation of the service's OpenAPI document. The page tests check the
 * requests actually sent ({@code StubServices}); this also covers methods no page test calls.
 */
class RestClientContractTest {

    @TestFactory
    Stream<DynamicTest> everyRestClientMethodIsAnOperationOfItsService() {
        return Stream.of(methods(CatalogApi.class, ServiceContract.CATALOG), methods(PlanApi.class, ServiceContract.PLAN),
                methods(LicensedTextApi.class, ServiceContract.PLAN)).flatMap(s -> s);
    }

    @Test
    void everyFileWebUiPassesThroughIsAnOperationOfPlanService() {
        for (String template : List.of(Downloads.ADHERENCE_CSV, Downloads.PATIENT_PDF, Downloads.MY_EXPORT,
                Downloads.PATIENT_FHIR, Downloads.MY_FHIR, Downloads.FHIR_EXPORT)) {
            assertThat(route(ServiceContract.PLAN, "GET", template)).as("GET " + template).isPresent();
        }
        assertThat(ServiceContract.queryParameters(route(ServiceContract.PLAN, "GET", Downloads.PATIENT_PDF).orElseThrow()))
                .as("the PDF's period").contains("from", "to");
        assertThat(ServiceContract.queryParameters(route(ServiceContract.PLAN, "GET", Downloads.ADHERENCE_CSV)
                .orElseThrow())).contains("from", "to", "chiropractor");
        assertThat(route(ServiceContract.PLAN, "POST", OneClickUnsubscribe.PLAN_UNSUBSCRIBE))
                .as("the reminder mails' unsubscribe").isPresent();
    }

    @Test
    void everyBulkFhirFileWebUiOffersIsATypePlanServiceNamesInItsContract() {
        String description = route(ServiceContract.PLAN, "GET", Downloads.FHIR_EXPORT).orElseThrow().operation()
                .getDescription();
        for (FhirResourceType type : FhirResourceType.values()) {
            assertThat(description).as(type.name()).containsPattern("\\b" + type.fhirName() + "\\b");
        }
    }

    @Test
    void anUndeclaredQueryParameterIsFound() {
        interface Misdeclared {
            @jakarta.ws.rs.GET
            @Path("/api/me/adherence")
            Object adherence(@QueryParam("since") String since);
        }
        assertThat(problems(Misdeclared.class.getDeclaredMethods()[0], "", ServiceContract.PLAN))
                .singleElement().asString().contains("'since'");
    }

    private static Stream<DynamicTest> methods(Class<?> api, ServiceContract contract) {
        String base = api.getAnnotation(Path.class).value();
        return Stream.of(api.getDeclaredMethods()).filter(m -> httpMethod(m) != null).map(m -> DynamicTest.dynamicTest(
                api.getSimpleName() + "." + m.getName(),
                () -> assertThat(problems(m, base, contract)).as(api.getSimpleName() + "." + m.getName()).isEmpty()));
    }

    /** What is wrong with {@code method} as a call of {@code contract}'s service. */
    private static List<String> problems(Method method, String base, ServiceContract contract) {
        String http = httpMethod(method);
        Path path = method.getAnnotation(Path.class);
        String template = base + (path == null ? "" : path.value());
        Optional<ServiceContract.Route> route = route(contract, http, template);
        if (route.isEmpty()) {
            return List.of(http + " " + template + " is not an operation of " + contract.service());
        }
        List<String> problems = new ArrayList<>();
        boolean body = false;
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null && !ServiceContract.queryParameters(route.get()).contains(query.value())) {
                problems.add("query parameter '" + query.value() + "' is not declared by " + route.get());
            }
            body |= parameter.getAnnotations().length == 0;
        }
        if (body && route.get().operation().getRequestBody() == null) {
            problems.add(route.get() + " takes no body, " + method.getName() + " sends one");
        }
        if (!body && route.get().operation().getRequestBody() != null
                && Boolean.TRUE.equals(route.get().operation().getRequestBody().getRequired())) {
            problems.add(route.get() + " requires a body, " + method.getName() + " sends none");
        }
        return problems;
    }

    /** The operation whose template is {@code template}, whatever its path parameters are called. */
    private static Optional<ServiceContract.Route> route(ServiceContract contract, String method, String template) {
        String shape = template.replaceAll("\\{[^}]*}", "{}");
        return contract.routes().stream()
                .filter(r -> r.method().equals(method) && r.template().replaceAll("\\{[^}]*}", "{}").equals(shape))
                .findFirst();
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }
}

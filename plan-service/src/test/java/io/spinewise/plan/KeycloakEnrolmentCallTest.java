package io.spinewise.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.spinewise.plan.Users.NORTH_ADMIN;
import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The call the real {@link io.spinewise.plan.client.KeycloakIdentityDirectory} makes, seen by a
 * stand-in Keycloak: the service account's token as the bearer, the staff member's own token in
 * {@code X-Spinewise-Staff-Token}, and no clinic in the body (Keycloak takes it from the staff
 * token); an erasure the same way, with the clinic administrator's token. What the real extension answers to such a call is checked in launcher's
 * {@code KeycloakLeastPrivilegeIT} and {@code KeycloakServerIT}.
 */
@QuarkusTest
@TestProfile(KeycloakUnavailableTest.RealDirectory.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = KeycloakEnrolmentCallTest.StandInKeycloak.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class KeycloakEnrolmentCallTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void enrolmentSendsTheStaffTokenBesideTheServiceTokenAndNoClinic() throws Exception {
        String email = "kim." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        as(NORTH_CHIRO).body(Map.of("firstName", "Kim", "lastName", "Lee", "timeZone", "Europe/Zurich", "email", email))
                .post("/api/patients")
                .then().statusCode(201).body("patient.email", equalTo(email));

        List<Request> mine = StandInKeycloak.ENROLMENTS.stream().filter(r -> r.body().contains(email)).toList();
        assertThat(mine).hasSize(1);
        Request enrolment = mine.get(0);
        assertThat(enrolment.path()).isEqualTo("/realms/clinic/spinewise-enrolment/patients");
        assertThat(enrolment.authorization()).isEqualTo("Bearer " + StandInKeycloak.SERVICE_TOKEN);
        assertThat(enrolment.staffToken()).isEqualTo(NORTH_CHIRO);
        JsonNode body = JSON.readTree(enrolment.body());
        assertThat(body.get("email").asText()).isEqualTo(email);
        assertThat(body.get("temporaryPassword").asText()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(body.properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("email", "firstName", "lastName", "temporaryPassword");
    }

    @Test
    void anErasureSendsTheAdministratorsTokenAndReadsAnAccountGoneAlreadyAsDone() {
        String email = "eve." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String id = as(NORTH_CHIRO).body(Map.of("firstName", "Eve", "lastName", "Lee", "timeZone", "Europe/Zurich",
                "email", email)).post("/api/patients").then().statusCode(201).extract().path("patient.id");

        StandInKeycloak.ERASURE_STATUS.set(500);
        as(NORTH_ADMIN).post("/api/patients/" + id + "/erasure").then().statusCode(503)
                .body("detail", containsString("(500)")).body("detail", containsString("erase again"));
        StandInKeycloak.ERASURE_STATUS.set(404); // the account went with the first call, whose answer was lost
        as(NORTH_ADMIN).post("/api/patients/" + id + "/erasure").then().statusCode(200)
                .body("name", equalTo("Erased patient"));

        assertThat(StandInKeycloak.ERASURES).hasSize(2).allSatisfy(erasure -> {
            assertThat(erasure.path()).matches("/realms/clinic/spinewise-enrolment/patients/[0-9a-f-]{36}/erasure");
            assertThat(erasure.authorization()).isEqualTo("Bearer " + StandInKeycloak.SERVICE_TOKEN);
            assertThat(erasure.staffToken()).isEqualTo(NORTH_ADMIN);
        });
    }

    record Request(String path, String authorization, String staffToken, String body) {
    }

    /** Keycloak's token endpoint (a fixed service-account token) and the extension (201 and a Location). */
    public static class StandInKeycloak implements QuarkusTestResourceLifecycleManager {

        static final String SERVICE_TOKEN = "service-account-token";
        static final List<Request> ENROLMENTS = new CopyOnWriteArrayList<>();
        static final List<Request> ERASURES = new CopyOnWriteArrayList<>();
        static final AtomicInteger ERASURE_STATUS = new AtomicInteger(204);
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/realms/clinic/protocol/openid-connect/token", exchange -> answer(exchange, 200,
                    "{\"access_token\": \"" + SERVICE_TOKEN + "\", \"token_type\": \"Bearer\", \"expires_in\": 300}"));
            server.createContext("/realms/clinic/spinewise-enrolment/patients", exchange -> {
                Request request = new Request(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("X-Spinewise-Staff-Token"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                if (request.path().endsWith("/erasure")) {
                    ERASURES.add(request);
                    answer(exchange, ERASURE_STATUS.get(), "{}");
                    return;
                }
                ENROLMENTS.add(request);
                String id = UUID.randomUUID().toString();
                exchange.getResponseHeaders().add("Location", url() + exchange.getRequestURI().getPath() + "/" + id);
                answer(exchange, 201, "{\"id\": \"" + id + "\"}");
            });
            server.start();
            return Map.of("quarkus.oidc-client.auth-server-url", url() + "/realms/clinic",
                    "quarkus.rest-client.keycloak-admin.url", url());
        }

        private String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private static void answer(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }
}

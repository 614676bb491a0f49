package io.spinewise.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real Keycloak for every {@code *IT} class of the launcher (a start costs 20-50 s): the
 * development realm {@code clinic}, the production realm imported as {@code clinic-prod-check},
 * and the enrolment extension in {@code providers/}, on free ports. Started by the first class
 * that uses it, stopped when the test run ends. Also the small HTTP toolkit those classes share.
 */
final class RealmKeycloak implements BeforeAllCallback {

    static final String REALM = "clinic";
    /** The production realm file, imported under this name beside the development realm. */
    static final String PROD_CHECK_REALM = "clinic-prod-check";
    static final String WEB_UI_SECRET = "web-ui-dev-secret";
    static final String PLAN_SERVICE_SECRET = "plan-service-dev-secret";
    static final String PROD_WEB_UI_SECRET = "prod-check-web-ui-secret";
    static final String PROD_PLAN_SERVICE_SECRET = "prod-check-plan-service-secret";
    static final String WEB_UI_CALLBACK = "http://localhost:8080/callback";

    static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static KeycloakServer keycloak;

    @Override
    public void beforeAll(ExtensionContext context) {
        // the root store closes what it holds when the whole run ends
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(RealmKeycloak.class, key -> start(), AutoCloseable.class);
    }

    static KeycloakServer server() {
        return keycloak;
    }

    private static AutoCloseable start() {
        try {
            Path target = Path.of("target").toAbsolutePath();
            String dist = System.getProperty("spinewise.keycloak.dist");
            Path checkout = Path.of("..").toAbsolutePath().normalize();
            Path distribution = dist != null ? Path.of(dist) : KeycloakDistribution.locate(checkout);
            String extension = System.getProperty("spinewise.keycloak.extension");

            ObjectNode production = (ObjectNode) ProductionRealm.read(RealmFilesTest.PROD_REALM);
            production.put("realm", PROD_CHECK_REALM);
            Path prodCheck = target.resolve("it-realms/realm-clinic-prod-check.json");
            ProductionRealm.write(production, prodCheck);

            Path directory = target.resolve("keycloak-it");
            KeycloakServer.Settings settings = KeycloakServer.Settings.local(distribution, directory, RealmFilesTest.DEV_REALM,
                            extension != null ? Path.of(extension) : KeycloakDistribution.enrolmentExtension(checkout))
                    .withRealmFiles(List.of(RealmFilesTest.DEV_REALM, prodCheck))
                    // free ports, so the tests run beside a ./spinewise up on 8180/9000
                    .withPorts(freePort(), freePort())
                    // every run imports the realm files as they are now
                    .withFreshStore(true)
                    .withEnvironment(Map.of(
                            ProductionRealm.secretVariable("web-ui"), PROD_WEB_UI_SECRET,
                            ProductionRealm.secretVariable("plan-service"), PROD_PLAN_SERVICE_SECRET));
            keycloak = new KeycloakServer(settings);

            long begin = System.nanoTime();
            boolean unpacked = Files.isDirectory(directory.resolve("keycloak-" + KeycloakDistribution.version()));
            try {
                keycloak.start(Duration.ofMinutes(4));
            } catch (Exception e) {
                keycloak.stop();
                printLogTail(settings.logFile());
                throw e;
            }
            System.out.printf("Keycloak ready in %.1f s (%s, empty store, realm import)%n",
                    (System.nanoTime() - begin) / 1e9, unpacked ? "already unpacked" : "unpacked first");
            return () -> {
                long stopping = System.nanoTime();
                keycloak.stop();
                System.out.printf("Keycloak stopped in %.1f s%n", (System.nanoTime() - stopping) / 1e9);
            };
        } catch (Exception e) {
            throw new IllegalStateException("Keycloak did not start: " + e.getMessage(), e);
        }
    }

    static String adminUrl(String realm) {
        return keycloak.baseUrl() + "/admin/realms/" + realm;
    }

    /** A token of the master realm's bootstrap administrator, to look at what the tests did. */
    static String masterAdminToken() throws Exception {
        HttpResponse<String> response = HTTP.send(form(keycloak.issuer("master") + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asText();
    }

    /** {@code POST /realms/{realm}/spinewise-enrolment/patients}; a null token is left out. */
    static HttpResponse<String> enrol(String realm, String serviceToken, String staffToken, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(enrolmentUrl(realm)));
        if (serviceToken != null) {
            request.header("Authorization", "Bearer " + serviceToken);
        }
        if (staffToken != null) {
            request.header("X-Spinewise-Staff-Token", staffToken);
        }
        return send(jsonBody(request, "POST", body));
    }

    static String enrolmentUrl(String realm) {
        return keycloak.issuer(realm) + "/spinewise-enrolment/patients";
    }

    static String patient(String email, String firstName, String lastName, String temporaryPassword) {
        return """
                {"email": "%s", "firstName": "%s", "lastName": "%s", "temporaryPassword": "%s"}
                """.formatted(email, firstName, lastName, temporaryPassword);
    }

    static HttpResponse<String> passwordGrant(String realm, String username, String password)
            throws IOException, InterruptedException {
        return tokenRequest(realm, Map.of("grant_type", "password", "client_id", "clinic-cli", "scope", "openid",
                "username", username, "password", password));
    }

    static String clientCredentials(String realm, String clientId, String secret) throws Exception {
        HttpResponse<String> response = tokenRequest(realm, Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asText();
    }

    static HttpResponse<String> tokenRequest(String realm, Map<String, String> fields)
            throws IOException, InterruptedException {
        return HTTP.send(form(keycloak.issuer(realm) + "/protocol/openid-connect/token", fields),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder bearer(String uri, String token) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token);
    }

    static HttpRequest.Builder jsonBody(HttpRequest.Builder request, String method, String body) {
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    static HttpRequest form(String uri, Map<String, String> fields) {
        return HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                .build();
    }

    static String encode(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The payload of a JWT; the signature is Keycloak's business here, the services verify it. */
    static JsonNode claims(String token) throws IOException {
        String payload = token.split("\\.")[1];
        return ProductionRealm.JSON.readTree(Base64.getUrlDecoder().decode(payload));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return ProductionRealm.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    static List<String> texts(JsonNode node) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        return StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void printLogTail(Path log) throws IOException {
        if (Files.exists(log)) {
            List<String> lines = Files.readAllLines(log);
            System.err.println("--- last lines of " + log + " ---");
            lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.err::println);
        }
    }
}

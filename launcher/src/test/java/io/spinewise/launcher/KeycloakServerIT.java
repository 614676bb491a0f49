package io.spinewise.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Keycloak with the development realm (and the production realm under another name):
 * the tokens the services will see, and patient enrolment by plan-service's service account.
 * Password grants cost about a second each (argon2), so tokens are fetched once per user.
 */
class KeycloakServerIT {

    private static final String REALM = "clinic";
    /** The production realm file, imported under this name beside the development realm. */
    private static final String PROD_CHECK_REALM = "clinic-prod-check";
    private static final String WEB_UI_SECRET = "web-ui-dev-secret";
    private static final String PLAN_SERVICE_SECRET = "plan-service-dev-secret";
    private static final String PROD_PLAN_SERVICE_SECRET = "prod-check-plan-service-secret";
    private static final String WEB_UI_CALLBACK = "http://localhost:8080/callback";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Map<String, JsonNode> TOKENS = new ConcurrentHashMap<>();

    private static KeycloakServer keycloak;

    @BeforeAll
    static void startKeycloak() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        String dist = System.getProperty("spinewise.keycloak.dist");
        Path distribution = dist != null ? Path.of(dist) : KeycloakDistribution.locate(Path.of("..").toAbsolutePath());

        ObjectNode production = (ObjectNode) ProductionRealm.read(RealmFilesTest.PROD_REALM);
        production.put("realm", PROD_CHECK_REALM);
        Path prodCheck = target.resolve("it-realms/realm-clinic-prod-check.json");
        ProductionRealm.write(production, prodCheck);

        Path directory = target.resolve("keycloak-it");
        KeycloakServer.Settings settings = KeycloakServer.Settings.local(distribution, directory, RealmFilesTest.DEV_REALM)
                .withRealmFiles(List.of(RealmFilesTest.DEV_REALM, prodCheck))
                // free ports, so the test runs beside a ./spinewise up on 8180/9000
                .withPorts(freePort(), freePort())
                // every run imports the realm files as they are now
                .withFreshStore(true)
                .withEnvironment(Map.of(
                        ProductionRealm.secretVariable("web-ui"), "prod-check-web-ui-secret",
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
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            long begin = System.nanoTime();
            keycloak.stop();
            System.out.printf("Keycloak stopped in %.1f s%n", (System.nanoTime() - begin) / 1e9);
        }
    }

    @Test
    void chiropractorGetsPinnedIssuerRoleClinicAndServiceAudiences() throws Exception {
        JsonNode access = claims(demoLogin("dr.ada").get("access_token"));

        assertThat(access.get("iss").asText()).isEqualTo(keycloak.issuer(REALM));
        assertThat(texts(access.at("/realm_access/roles"))).contains("chiropractor").doesNotContain("patient", "clinic-admin");
        assertThat(access.get("clinic_id").isTextual()).isTrue();
        assertThat(access.get("clinic_id").asText()).isEqualTo("north");
        assertThat(texts(access.get("aud"))).contains("catalog-service", "plan-service");
    }

    @Test
    void idTokenCarriesTheClinicToo() throws Exception {
        JsonNode id = claims(demoLogin("dr.ada").get("id_token"));

        assertThat(id.get("clinic_id").asText()).isEqualTo("north");
        assertThat(id.get("preferred_username").asText()).isEqualTo("dr.ada");
    }

    @Test
    void patientOfTheSouthClinicGetsPatientRoleAndClinicSouth() throws Exception {
        JsonNode access = claims(demoLogin("patient.sam").get("access_token"));

        assertThat(texts(access.at("/realm_access/roles"))).contains("patient").doesNotContain("chiropractor");
        assertThat(access.get("clinic_id").asText()).isEqualTo("south");
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        HttpResponse<String> response = passwordGrant(REALM, "admin.sol", "not-demo");

        // RFC 6749 section 5.2: invalid_grant is a 400
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(response).get("error_description").asText()).isEqualTo("Invalid user credentials");
    }

    @Test
    void planServiceEnrolsPatientWhoChoosesOwnPasswordAtFirstLogin() throws Exception {
        String admin = keycloak.baseUrl() + "/admin/realms/" + REALM;
        String serviceToken = clientCredentials(REALM, "plan-service", PLAN_SERVICE_SECRET);
        String username = "patient.it-" + UUID.randomUUID().toString().substring(0, 8);
        String oneTimePassword = "one-time-" + UUID.randomUUID();

        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(admin + "/users"))
                .header("Authorization", "Bearer " + serviceToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"username": "%s", "enabled": true, "firstName": "Quinn", "lastName": "Test",
                         "attributes": {"clinic_id": ["north"]},
                         "credentials": [{"type": "password", "value": "%s", "temporary": true}]}
                        """.formatted(username, oneTimePassword))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String user = created.headers().firstValue("Location").orElseThrow();

        // manage-users may map a realm role but not read /roles (view-realm): take it from "available"
        JsonNode available = json(send(HttpRequest.newBuilder(URI.create(user + "/role-mappings/realm/available"))
                .header("Authorization", "Bearer " + serviceToken)));
        JsonNode patientRole = null;
        for (JsonNode role : available) {
            if (role.get("name").asText().equals("patient")) {
                patientRole = role;
            }
        }
        assertThat(patientRole).as("patient among %s", available).isNotNull();
        HttpResponse<String> mapped = send(HttpRequest.newBuilder(URI.create(user + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + serviceToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + patientRole + "]")));
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(204);

        JsonNode stored = json(send(HttpRequest.newBuilder(URI.create(user)).header("Authorization", "Bearer " + serviceToken)));
        assertThat(texts(stored.at("/attributes/clinic_id"))).containsExactly("north");
        assertThat(texts(stored.get("requiredActions"))).containsExactly("UPDATE_PASSWORD");

        // a one-time password cannot be used for a password grant: the account is "not fully set up"
        HttpResponse<String> grant = passwordGrant(REALM, username, oneTimePassword);
        assertThat(grant.statusCode()).isEqualTo(400);
        assertThat(json(grant).get("error_description").asText()).isEqualTo("Account is not fully set up");

        // in the browser the patient signs in with it, is asked for a new password, and is then logged in
        String token = new KeycloakLogins(keycloak.issuer(REALM))
                .firstLogin(username, oneTimePassword, "Chosen-by-patient-1", "web-ui", WEB_UI_SECRET, WEB_UI_CALLBACK);
        JsonNode access = claims(ProductionRealm.JSON.getNodeFactory().textNode(token));
        assertThat(access.get("preferred_username").asText()).isEqualTo(username);
        assertThat(texts(access.at("/realm_access/roles"))).contains("patient");
        assertThat(access.get("clinic_id").asText()).isEqualTo("north");
        assertThat(access.get("iss").asText()).isEqualTo(keycloak.issuer(REALM));
    }

    @Test
    void planServiceAccountCannotReadClientsOrRoles() throws Exception {
        String admin = keycloak.baseUrl() + "/admin/realms/" + REALM;
        String serviceToken = clientCredentials(REALM, "plan-service", PLAN_SERVICE_SECRET);

        for (String path : List.of("/clients", "/roles")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(admin + path))
                    .header("Authorization", "Bearer " + serviceToken));
            assertThat(response.statusCode()).as("GET %s", admin + path).isEqualTo(403);
        }
    }

    @Test
    void productionRealmTakesSecretsFromTheEnvironmentAndHasNoDevelopmentAccess() throws Exception {
        assertThat(tokenRequest(PROD_CHECK_REALM, Map.of("grant_type", "client_credentials", "client_id", "plan-service",
                "client_secret", PLAN_SERVICE_SECRET)).statusCode()).as("development secret").isEqualTo(401);
        assertThat(passwordGrant(PROD_CHECK_REALM, "dr.ada", "demo").statusCode()).as("clinic-cli").isEqualTo(401);

        // the web UI's address placeholder fell back to http://localhost:8080
        HttpResponse<String> login = send(HttpRequest.newBuilder(authorizationUri(PROD_CHECK_REALM)));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

        // production keeps a password policy; the service account meets it when it enrols a patient
        String serviceToken = clientCredentials(PROD_CHECK_REALM, "plan-service", PROD_PLAN_SERVICE_SECRET);
        HttpResponse<String> weak = send(HttpRequest.newBuilder(
                        URI.create(keycloak.baseUrl() + "/admin/realms/" + PROD_CHECK_REALM + "/users"))
                .header("Authorization", "Bearer " + serviceToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"username": "patient.weak", "enabled": true, "firstName": "Weak", "lastName": "Password",
                         "attributes": {"clinic_id": ["north"]},
                         "credentials": [{"type": "password", "value": "demo", "temporary": true}]}
                        """)));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("invalidPasswordMinLength");
    }

    private static URI authorizationUri(String realm) {
        return URI.create(keycloak.issuer(realm) + "/protocol/openid-connect/auth?" + encode(Map.of(
                "client_id", "web-ui", "response_type", "code", "scope", "openid",
                "redirect_uri", WEB_UI_CALLBACK, "state", UUID.randomUUID().toString())));
    }

    private static JsonNode demoLogin(String username) {
        return TOKENS.computeIfAbsent(username, name -> {
            try {
                HttpResponse<String> response = passwordGrant(REALM, name, "demo");
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                return json(response);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static HttpResponse<String> passwordGrant(String realm, String username, String password)
            throws IOException, InterruptedException {
        return tokenRequest(realm, Map.of("grant_type", "password", "client_id", "clinic-cli", "scope", "openid",
                "username", username, "password", password));
    }

    private static String clientCredentials(String realm, String clientId, String secret) throws Exception {
        HttpResponse<String> response = tokenRequest(realm, Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asText();
    }

    private static HttpResponse<String> tokenRequest(String realm, Map<String, String> fields)
            throws IOException, InterruptedException {
        return HTTP.send(form(keycloak.issuer(realm) + "/protocol/openid-connect/token", fields),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest form(String uri, Map<String, String> fields) {
        return HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                .build();
    }

    private static String encode(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The payload of a JWT; the signature is Keycloak's business here, the services verify it. */
    private static JsonNode claims(JsonNode token) throws IOException {
        String payload = token.asText().split("\\.")[1];
        return ProductionRealm.JSON.readTree(Base64.getUrlDecoder().decode(payload));
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return ProductionRealm.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    private static List<String> texts(JsonNode node) {
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

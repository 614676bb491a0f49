package io.spinewise.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A clinic of its own for the adherence oracle, so that its patients do not crowd the demo
 * clinics that the other end-to-end tests read: one chiropractor created in the real Keycloak
 * (realm {@code clinic}, attribute {@code clinic_id}, realm role {@code chiropractor}) through
 * the Admin API with the local stack's bootstrap administrator. Its tokens come from the
 * password grant like the demo users', renewed before they expire.
 */
final class OracleClinic {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEYCLOAK = RunningPlatform.ISSUER.substring(0, RunningPlatform.ISSUER.indexOf("/realms/"));
    private static final Duration TOKEN_USE = Duration.ofMinutes(4);

    private final String clinicId;
    private final String username;
    private final String password;
    private final String userId;
    private String token;
    private Instant tokenAt = Instant.EPOCH;

    private OracleClinic(String clinicId, String username, String password, String userId) {
        this.clinicId = clinicId;
        this.username = username;
        this.password = password;
        this.userId = userId;
    }

    /** A new clinic {@code oracle-<suffix>} with its chiropractor. */
    static OracleClinic create(HttpClient http) {
        RunningPlatform.get();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String clinicId = "oracle-" + suffix;
        String username = "dr.oracle-" + suffix;
        String password = "Oracle-" + UUID.randomUUID();
        try {
            String admin = adminToken(http);
            Map<String, Object> user = Map.of("username", username, "enabled", true, "emailVerified", true,
                    "firstName", "Orla", "lastName", "Oracle", "email", username + "@example.org",
                    "attributes", Map.of("clinic_id", List.of(clinicId)),
                    "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
            HttpResponse<String> created = http.send(admin(admin, "/users")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))).build(),
                    HttpResponse.BodyHandlers.ofString());
            expect(created, 201);
            String location = created.headers().firstValue("Location").orElseThrow();
            String userId = location.substring(location.lastIndexOf('/') + 1);
            HttpResponse<String> role = http.send(admin(admin, "/roles/chiropractor").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            expect(role, 200);
            HttpResponse<String> mapped = http.send(admin(admin, "/users/" + userId + "/role-mappings/realm")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("[" + role.body() + "]")).build(),
                    HttpResponse.BodyHandlers.ofString());
            expect(mapped, 204);
            return new OracleClinic(clinicId, username, password, userId);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak Admin API: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String clinicId() {
        return clinicId;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    /** The chiropractor's Keycloak user id: what plan-service stores as a plan's prescriber. */
    String userId() {
        return userId;
    }

    /** The chiropractor's access token, fetched again before Keycloak's five minutes run out. */
    synchronized String token() {
        if (Duration.between(tokenAt, Instant.now()).compareTo(TOKEN_USE) > 0) {
            token = RunningPlatform.logins().accessToken(username, password);
            tokenAt = Instant.now();
        }
        return token;
    }

    private static String adminToken(HttpClient http) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode("admin", StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200);
        JsonNode body = JSON.readTree(response.body());
        return body.get("access_token").asText();
    }

    private static HttpRequest.Builder admin(String token, String path) {
        return HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms/clinic" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + ": "
                    + response.statusCode() + " " + response.body());
        }
    }
}

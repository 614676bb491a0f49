package io.spinewise.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The few API calls the fault tests make, over plain HTTP with real Keycloak tokens. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
    private static final String NEW_PASSWORD = "Fault-tolerant-2026";

    private Api() {
    }

    /** A user who logs in with a password; tokens are renewed well before Keycloak's five minutes run out. */
    static final class User {
        private final String username;
        private final String password;
        private String token;
        private Instant renewAt = Instant.MIN;

        User(String username, String password) {
            this.username = username;
            this.password = password;
        }

        /** The token this user holds now, kept as it is: for calls while Keycloak cannot issue a new one. */
        User holdingCurrentToken() {
            User holder = new User(username, password);
            holder.token = token();
            holder.renewAt = Instant.MAX;
            return holder;
        }

        synchronized String token() {
            if (Instant.now().isAfter(renewAt)) {
                token = FaultPlatform.logins().accessToken(username, password);
                renewAt = Instant.now().plusSeconds(120);
            }
            return token;
        }

        String username() {
            return username;
        }

        String password() {
            return password;
        }
    }

    /** A patient enrolled through the API by {@code chiropractor}, logged in once to set a password. */
    record Patient(UUID id, User user) {
    }

    static Patient enrol(User chiropractor, String name) throws IOException, InterruptedException {
        String email = name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> enrolled = send(chiropractor, "POST", FaultPlatform.PLAN + "/api/patients", Map.of(
                "firstName", name, "lastName", "Fault", "email", email, "timeZone", "UTC"));
        JsonNode body = expect(enrolled, 201);
        String username = body.at("/login/username").asText();
        FaultPlatform.logins().firstLogin(username, body.at("/login/temporaryPassword").asText(), NEW_PASSWORD,
                "web-ui", "web-ui-dev-secret", FaultPlatform.WEB + "/callback");
        return new Patient(UUID.fromString(body.at("/patient/id").asText()), new User(username, NEW_PASSWORD));
    }

    /** Prescribes the mid-back routine, six sessions a day, from {@code start}; returns the plan's id. */
    static UUID prescribe(User chiropractor, Patient patient, LocalDate start) throws IOException, InterruptedException {
        HttpResponse<String> plan = send(chiropractor, "POST", FaultPlatform.PLAN + "/api/patients/" + patient.id() + "/plans",
                Map.of("routine", "mid-back-relief", "schedule", Map.of("startDate", start.toString(), "sessionsPerDay", 6)));
        return UUID.fromString(expect(plan, 201).get("id").asText());
    }

    /** The body of one check-off of the mid-back routine. */
    static Map<String, Object> checkOff(UUID plan, LocalDate date, int slot) {
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(Map.of("exercise", "cat-cow", "done", true));
        return Map.of("planId", plan.toString(), "date", date.toString(), "slot", slot, "items", items);
    }

    static HttpResponse<String> send(User user, String method, String url, Object body) throws IOException, InterruptedException {
        return send(user, method, url, body, Map.of());
    }

    static HttpResponse<String> send(User user, String method, String url, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(CALL_TIMEOUT)
                .header("Authorization", "Bearer " + user.token())
                .header("Accept", "application/json, application/problem+json");
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET without a token, e.g. a health check. */
    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(CALL_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.uri() + ": expected " + status
                    + ", got " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}

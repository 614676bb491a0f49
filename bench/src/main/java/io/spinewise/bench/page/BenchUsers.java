package io.spinewise.bench.page;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Users of their own for the sign-in benchmark, made through the local Keycloak's admin API (admin/admin, as
 * {@code ./spinewise up} sets it up). Each concurrent client needs a user to itself: with brute-force protection on
 * (realm {@code clinic}), Keycloak answers "Invalid user credentials" to a second sign-in of a user while one is
 * under way, so the demo users, shared by several clients, would measure refusals.
 */
final class BenchUsers {

    static final String PASSWORD = "bench-signin-password";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private BenchUsers() {
    }

    /** {@code count} users {@code bench-signin-1…}, made if missing (an existing one keeps its password). */
    static List<String> ensure(String issuer, int count) throws IOException, InterruptedException {
        String keycloak = issuer.substring(0, issuer.indexOf("/realms/"));
        String realm = issuer.substring(issuer.indexOf("/realms/") + "/realms/".length());
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(keycloak
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin"
                        + "&password=admin")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher matcher = ACCESS_TOKEN.matcher(token.body());
        if (token.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("Keycloak's admin sign-in (admin/admin) answered " + token.statusCode());
        }
        List<String> users = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String username = "bench-signin-" + i;
            String user = """
                    {"username":"%s","email":"%s@example.org","firstName":"Bench","lastName":"User %d",\
                    "enabled":true,"emailVerified":true,\
                    "credentials":[{"type":"password","value":"%s","temporary":false}]}""".formatted(username,
                    username, i, PASSWORD);
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/"
                            + realm + "/users"))
                    .header("Authorization", "Bearer " + matcher.group(1))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(user)).build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new IllegalStateException("could not make " + username + ": " + created.statusCode() + " "
                        + created.body());
            }
            users.add(username);
        }
        return users;
    }
}

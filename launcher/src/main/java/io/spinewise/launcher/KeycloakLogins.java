package io.spinewise.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Logs users into realm {@code clinic} the way scripts and tests do: a password grant through
 * the public {@code clinic-cli} client, or, for a newly enrolled patient whose one-time password
 * must be replaced, the browser's code flow through Keycloak's own login pages.
 */
public final class KeycloakLogins {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String issuer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param issuer e.g. {@code http://localhost:8180/realms/clinic} */
    public KeycloakLogins(String issuer) {
        this.issuer = issuer;
    }

    /** An access token for a user with a permanent password (demo users: password {@code demo}). */
    public String accessToken(String username, String password) {
        HttpResponse<String> response = token(Map.of("grant_type", "password", "client_id", "clinic-cli",
                "scope", "openid", "username", username, "password", password));
        if (response.statusCode() != 200) {
            throw new LoginFailed(username + ": " + response.statusCode() + " " + response.body());
        }
        return field(response, "access_token");
    }

    /**
     * A first login with a one-time password, as a browser does it: the login form, Keycloak's
     * "update password" form, then the authorization code exchanged by the confidential client.
     */
    public String firstLogin(String username, String oneTimePassword, String newPassword,
                             String clientId, String clientSecret, String redirectUri) {
        try {
            FormBrowser browser = new FormBrowser(http);
            URI authorize = URI.create(issuer + "/protocol/openid-connect/auth?" + encode(Map.of(
                    "client_id", clientId, "response_type", "code", "scope", "openid",
                    "redirect_uri", redirectUri, "state", UUID.randomUUID().toString())));
            HttpResponse<String> loginPage = browser.get(authorize.toString());
            HttpResponse<String> afterLogin = browser.post(formAction(loginPage),
                    Map.of("username", username, "password", oneTimePassword));
            HttpResponse<String> updatePage = browser.get(location(afterLogin));
            if (!updatePage.body().contains("password-new")) {
                throw new LoginFailed(username + ": Keycloak did not ask for a new password");
            }
            String callback = location(browser.post(formAction(updatePage),
                    Map.of("password-new", newPassword, "password-confirm", newPassword)));
            String code = queryParameter(URI.create(callback), "code");
            HttpResponse<String> tokens = token(Map.of("grant_type", "authorization_code", "code", code,
                    "redirect_uri", redirectUri, "client_id", clientId, "client_secret", clientSecret));
            if (tokens.statusCode() != 200) {
                throw new LoginFailed(username + ": code exchange " + tokens.statusCode() + " " + tokens.body());
            }
            return field(tokens, "access_token");
        } catch (IOException e) {
            throw new LoginFailed(username + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginFailed(username + ": interrupted");
        }
    }

    private HttpResponse<String> token(Map<String, String> fields) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LoginFailed("token endpoint unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginFailed("interrupted");
        }
    }

    private static String field(HttpResponse<String> response, String name) {
        try {
            JsonNode node = JSON.readTree(response.body()).get(name);
            if (node == null) {
                throw new LoginFailed("no " + name + " in " + response.body());
            }
            return node.asText();
        } catch (IOException e) {
            throw new LoginFailed("not JSON: " + response.body());
        }
    }

    private static String encode(Map<String, String> fields) {
        return FormBrowser.encode(fields);
    }

    private static String formAction(HttpResponse<String> page) {
        return FormBrowser.formAction(page);
    }

    private static String location(HttpResponse<String> response) {
        return FormBrowser.location(response);
    }

    private static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            if (pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        throw new LoginFailed("no " + name + " in " + uri);
    }

    /** A login that Keycloak refused or that did not follow the expected pages. */
    public static final class LoginFailed extends RuntimeException {
        public LoginFailed(String message) {
            super(message);
        }
    }
}

package io.spinewise.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Logs users into realm {@code clinic} the way scripts and tests do: a password grant through
 * the public {@code clinic-cli} client, or, for a newly enrolled patient whose one-time password
 * must be replaced, the browser's code flow through Keycloak's own login pages.
 */
public final class KeycloakLogins {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

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
            FormBrowser browser = new FormBrowser();
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
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String formAction(HttpResponse<String> page) {
        Matcher matcher = FORM_ACTION.matcher(page.body());
        if (!matcher.find()) {
            throw new LoginFailed("no form on " + page.uri() + " (" + page.statusCode() + ")");
        }
        return matcher.group(1).replace("&amp;", "&");
    }

    private static String location(HttpResponse<String> response) {
        if (response.statusCode() != 302) {
            throw new LoginFailed("expected a redirect from " + response.uri() + ", got " + response.statusCode());
        }
        return response.headers().firstValue("Location").orElseThrow();
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
        LoginFailed(String message) {
            super(message);
        }
    }

    /**
     * Just enough of a browser for Keycloak's login pages. Keycloak marks its cookies Secure,
     * which a browser honours on http://localhost but java.net.CookieManager does not, so
     * cookies are kept here by name.
     */
    private final class FormBrowser {

        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(String uri) throws IOException, InterruptedException {
            return remember(http.send(withCookies(HttpRequest.newBuilder(URI.create(uri))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> post(String uri, Map<String, String> fields) throws IOException, InterruptedException {
            return remember(http.send(withCookies(HttpRequest.newBuilder(URI.create(uri)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }

        private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
            request.timeout(Duration.ofSeconds(30));
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream()
                        .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                        .collect(Collectors.joining("; ")));
            }
            return request;
        }

        private HttpResponse<String> remember(HttpResponse<String> response) {
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int equals = pair.indexOf('=');
                cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
            return response;
        }
    }
}

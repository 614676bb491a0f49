package io.spinewise.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Just enough of a browser for Keycloak's login pages and an OIDC web app on localhost: it follows no redirects
 * by itself and keeps cookies by name. Keycloak marks its cookies Secure, which a browser honours on
 * http://localhost but java.net.CookieManager does not; and a browser shares a host's cookies across its ports,
 * as this jar does. Not thread-safe: one per signed-in user agent.
 */
public final class FormBrowser {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private final HttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** @param http a client that does not follow redirects */
    public FormBrowser(HttpClient http) {
        this.http = http;
    }

    public HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return remember(http.send(withCookies(HttpRequest.newBuilder(URI.create(uri))).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    public HttpResponse<String> post(String uri, Map<String, String> fields) throws IOException, InterruptedException {
        return remember(http.send(withCookies(HttpRequest.newBuilder(URI.create(uri)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                .build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Whether a cookie whose name starts with {@code prefix} was set (e.g. a session cookie). */
    public boolean hasCookie(String prefix) {
        return cookies.keySet().stream().anyMatch(name -> name.startsWith(prefix));
    }

    /** Forgets every cookie: the next sign-in starts as a new browser would. */
    public void clearCookies() {
        cookies.clear();
    }

    /** The action of the page's first form, unescaped. */
    public static String formAction(HttpResponse<String> page) {
        Matcher matcher = FORM_ACTION.matcher(page.body());
        if (!matcher.find()) {
            throw new KeycloakLogins.LoginFailed("no form on " + page.uri() + " (" + page.statusCode() + ")");
        }
        return matcher.group(1).replace("&amp;", "&");
    }

    /** The target of a 302, or a failure naming what came instead. */
    public static String location(HttpResponse<String> response) {
        if (response.statusCode() != 302) {
            throw new KeycloakLogins.LoginFailed("expected a redirect from " + response.uri() + ", got "
                    + response.statusCode());
        }
        return response.headers().firstValue("Location").orElseThrow();
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
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

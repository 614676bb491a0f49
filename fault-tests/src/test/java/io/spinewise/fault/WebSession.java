package io.spinewise.fault;

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
 * A web-ui session the way a browser gets one, without a browser: web-ui's redirect to Keycloak,
 * Keycloak's own login form, the return to web-ui's callback, and web-ui's session cookies kept
 * for the pages after. Redirects are followed by hand so that each step can be checked; cookies
 * are kept by name (every part runs on localhost; java.net.CookieManager would drop Keycloak's
 * Secure cookies on http).
 */
final class WebSession {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private final Map<String, String> cookies = new LinkedHashMap<>();

    private WebSession() {
    }

    /** Signs {@code username} in to web-ui at {@code page} through Keycloak's login form; the session is then held. */
    static WebSession signIn(String page, String username, String password) throws IOException, InterruptedException {
        WebSession session = new WebSession();
        String keycloak = session.redirect(session.get(page));
        HttpResponse<String> form = session.get(keycloak);
        Matcher action = FORM_ACTION.matcher(form.body());
        if (form.statusCode() != 200 || !action.find()) {
            throw new AssertionError("no login form at " + keycloak + " (" + form.statusCode() + ")");
        }
        String callback = session.redirect(session.post(action.group(1).replace("&amp;", "&"),
                Map.of("username", username, "password", password)));
        String back = session.redirect(session.get(callback));
        HttpResponse<String> signedIn = session.get(back);
        if (signedIn.statusCode() != 200) {
            throw new AssertionError("signed in, " + back + " answered " + signedIn.statusCode());
        }
        return session;
    }

    /** A GET with a fresh cookie jar: what a visitor who is not signed in gets. */
    static HttpResponse<String> anonymous(String url) throws IOException, InterruptedException {
        return new WebSession().get(url);
    }

    /** A GET with this session's cookies; redirects are not followed. */
    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return remember(HTTP.send(withCookies(HttpRequest.newBuilder(URI.create(url))).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> post(String url, Map<String, String> fields) throws IOException, InterruptedException {
        String form = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return remember(HTTP.send(withCookies(HttpRequest.newBuilder(URI.create(url)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private String redirect(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 3) {
            throw new AssertionError("expected a redirect from " + response.uri() + ", got " + response.statusCode());
        }
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
    }

    private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
        request.timeout(CALL_TIMEOUT);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            boolean deleted = value.isEmpty() || header.toLowerCase().contains("max-age=0");
            if (deleted) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }
}

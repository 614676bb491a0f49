package io.spinewise.launcher;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.spinewise.launcher.RealmKeycloak.HTTP;
import static io.spinewise.launcher.RealmKeycloak.PROD_CHECK_REALM;
import static io.spinewise.launcher.RealmKeycloak.WEB_UI_CALLBACK;
import static io.spinewise.launcher.RealmKeycloak.adminUrl;
import static io.spinewise.launcher.RealmKeycloak.bearer;
import static io.spinewise.launcher.RealmKeycloak.encode;
import static io.spinewise.launcher.RealmKeycloak.jsonBody;
import static io.spinewise.launcher.RealmKeycloak.masterAdminToken;
import static io.spinewise.launcher.RealmKeycloak.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production realm, imported into the real Keycloak: after the password a chiropractor and a
 * clinic administrator are asked for a one-time code (set up at the first sign-in), a patient is
 * not; passwords under 12 characters are refused.
 */
@ExtendWith(RealmKeycloak.class)
class StaffSignInIT {

    private static final String PASSWORD = "Correct-horse-battery-12";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static String admin;

    @BeforeAll
    static void administrator() throws Exception {
        admin = masterAdminToken();
    }

    @Test
    void aChiropractorIsAskedForAOneTimeCode() throws Exception {
        String page = signIn(user("chiropractor"));

        assertThat(page).as("the page after the password").contains("name=\"totp\"");
    }

    @Test
    void aClinicAdministratorIsAskedForAOneTimeCode() throws Exception {
        String page = signIn(user("clinic-admin"));

        assertThat(page).as("the page after the password").contains("name=\"totp\"");
    }

    @Test
    void aPatientSignsInWithThePasswordAlone() throws Exception {
        String page = signIn(user("patient"));

        assertThat(page).as("where the password led").startsWith(WEB_UI_CALLBACK + "?").contains("code=");
    }

    @Test
    void aPasswordUnderTwelveCharactersIsRefused() throws Exception {
        HttpResponse<String> weak = send(jsonBody(bearer(adminUrl(PROD_CHECK_REALM) + "/users", admin), "POST", """
                {"username": "weak-%s", "enabled": true, "firstName": "Weak", "lastName": "Password",
                 "email": "weak-%s@north.example", "attributes": {"clinic_id": ["north"]},
                 "credentials": [{"type": "password", "value": "Eleven-char", "temporary": true}]}
                """.formatted(suffix(), suffix())));

        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("invalidPasswordMinLength");
    }

    /** A user of the production realm with one realm role and a permanent password; returns the username. */
    private static String user(String role) throws Exception {
        String username = role + "-" + suffix();
        HttpResponse<String> created = send(jsonBody(bearer(adminUrl(PROD_CHECK_REALM) + "/users", admin), "POST", """
                {"username": "%s", "enabled": true, "firstName": "Test", "lastName": "User", "email": "%s@north.example",
                 "emailVerified": true, "attributes": {"clinic_id": ["north"]},
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}
                """.formatted(username, username, PASSWORD)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String user = created.headers().firstValue("Location").orElseThrow();
        String roleJson = send(bearer(adminUrl(PROD_CHECK_REALM) + "/roles/" + role, admin)).body();
        HttpResponse<String> mapped = send(jsonBody(bearer(user + "/role-mappings/realm", admin), "POST", "[" + roleJson + "]"));
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(204);
        return username;
    }

    /**
     * The browser's code flow up to what follows the password: the page Keycloak shows next, or,
     * when it sends the browser back to the web UI, that address.
     */
    private static String signIn(String username) throws Exception {
        Map<String, String> cookies = new LinkedHashMap<>();
        URI authorize = URI.create(RealmKeycloak.server().issuer(PROD_CHECK_REALM) + "/protocol/openid-connect/auth?"
                + encode(Map.of("client_id", "web-ui", "response_type", "code", "scope", "openid",
                "redirect_uri", WEB_UI_CALLBACK, "state", UUID.randomUUID().toString())));
        HttpResponse<String> loginPage = get(authorize, cookies);
        assertThat(loginPage.statusCode()).as(loginPage.body()).isEqualTo(200);
        HttpResponse<String> next = remember(HTTP.send(withCookies(HttpRequest.newBuilder(URI.create(formAction(loginPage))), cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("username", username, "password", PASSWORD))))
                .build(), HttpResponse.BodyHandlers.ofString()), cookies);
        for (int hop = 0; hop < 3 && next.statusCode() == 302; hop++) {
            String location = next.headers().firstValue("Location").orElseThrow();
            if (location.startsWith(WEB_UI_CALLBACK)) {
                return location;
            }
            next = get(URI.create(location), cookies);
        }
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        return next.body();
    }

    private static HttpResponse<String> get(URI uri, Map<String, String> cookies) throws IOException, InterruptedException {
        return remember(HTTP.send(withCookies(HttpRequest.newBuilder(uri), cookies).build(),
                HttpResponse.BodyHandlers.ofString()), cookies);
    }

    /** Keycloak's cookies are Secure, which java.net's cookie handling will not send over http: kept by hand. */
    private static HttpRequest.Builder withCookies(HttpRequest.Builder request, Map<String, String> cookies) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private static HttpResponse<String> remember(HttpResponse<String> response, Map<String, String> cookies) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
        return response;
    }

    private static String formAction(HttpResponse<String> page) {
        Matcher matcher = FORM_ACTION.matcher(page.body());
        assertThat(matcher.find()).as("a form on %s", page.body()).isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

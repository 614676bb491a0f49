package io.spinewise.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the realm files promise, read statically (launcher's *IT read it back from a running
 * Keycloak): exact redirect URIs that match the web UI's own paths, events kept for a bounded
 * time, no Admin API role for plan-service, and in production a second factor for staff, a
 * 12-character password minimum and bounded offline sessions.
 */
class RealmSecurityTest {

    private static final String DEV = "config/keycloak/realm-clinic-dev.json";
    private static final String PROD = "config/keycloak/realm-clinic.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long THIRTY_DAYS = 30L * 24 * 3600;

    private static JsonNode realm(String file) throws Exception {
        return JSON.readTree(Repo.read(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void redirectUrisAreExactAndAreTheWebUisOwnPaths(String file) throws Exception {
        List<String> uris = new ArrayList<>();
        for (JsonNode client : realm(file).path("clients")) {
            client.path("redirectUris").forEach(uri -> uris.add(uri.asText()));
            String postLogout = client.path("attributes").path("post.logout.redirect.uris").asText("");
            if (!postLogout.isEmpty()) {
                uris.addAll(List.of(postLogout.split("##")));
            }
            client.path("webOrigins").forEach(origin -> assertThat(origin.asText()).as("web origin of " + client.path("clientId"))
                    .doesNotContain("*"));
        }
        assertThat(uris).isNotEmpty().allSatisfy(uri -> assertThat(uri).doesNotContain("*"));

        JsonNode webUi = client(realm(file), "web-ui");
        String base = file.equals(PROD) ? "${SPINEWISE_WEB_UI_URL:http://localhost:8080}" : "http://localhost:8080";
        assertThat(webUi.path("redirectUris")).extracting(JsonNode::asText).containsExactly(base + webUiRedirectPath());
        assertThat(webUi.at("/attributes/post.logout.redirect.uris").asText()).isEqualTo(base + "/signed-out");
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void userAndAdminEventsAreOnAndExpire(String file) throws Exception {
        JsonNode realm = realm(file);
        assertThat(realm.path("eventsEnabled").asBoolean()).isTrue();
        assertThat(realm.path("adminEventsEnabled").asBoolean()).isTrue();
        assertThat(realm.path("adminEventsDetailsEnabled").asBoolean()).isTrue();
        assertThat(realm.path("eventsExpiration").asLong()).isPositive();
        assertThat(Long.parseLong(realm.at("/attributes/adminEventsExpiration").asText("0"))).isPositive();
    }

    @Test
    void productionKeepsEventsNinetyDays() throws Exception {
        JsonNode realm = realm(PROD);
        assertThat(realm.path("eventsExpiration").asLong()).isEqualTo(90L * 24 * 3600);
        assertThat(realm.at("/attributes/adminEventsExpiration").asText()).isEqualTo(Long.toString(90L * 24 * 3600));
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void planServicesAccountHoldsNoRealmManagementRole(String file) throws Exception {
        for (JsonNode user : realm(file).path("users")) {
            assertThat(user.path("clientRoles").has("realm-management")).as("realm-management roles of " + user.path("username"))
                    .isFalse();
        }
        JsonNode account = realm(file).path("users").get(0);
        assertThat(account.path("serviceAccountClientId").asText()).isEqualTo("plan-service");
        assertThat(account.at("/clientRoles/plan-service")).extracting(JsonNode::asText).containsExactly("enrol-patients", "erase-patients");
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void offlineSessionsEndAfterThirtyDaysAtMost(String file) throws Exception {
        JsonNode realm = realm(file);
        assertThat(realm.path("offlineSessionMaxLifespanEnabled").asBoolean()).isTrue();
        assertThat(realm.path("offlineSessionMaxLifespan").asLong()).isPositive().isLessThanOrEqualTo(THIRTY_DAYS);
    }

    @Test
    void productionPasswordsHaveTwelveCharactersAtLeast() throws Exception {
        Matcher length = Pattern.compile("(?:^| and )length\\((\\d+)\\)").matcher(realm(PROD).path("passwordPolicy").asText());
        assertThat(length.find()).as("length(...) in the production password policy").isTrue();
        assertThat(Integer.parseInt(length.group(1))).isGreaterThanOrEqualTo(12);
    }

    /**
     * The browser flow of production: after the password, a sub-flow per staff role that requires
     * the one-time code form under the condition "user has the role"; the development realm keeps
     * Keycloak's default flow (demo users sign in with a password).
     */
    @Test
    void productionStaffGiveAOneTimeCodeAfterThePassword() throws Exception {
        JsonNode realm = realm(PROD);
        String browserFlow = realm.path("browserFlow").asText();
        JsonNode flow = flow(realm, browserFlow);
        assertThat(flow).as("browser flow " + browserFlow).isNotNull();
        List<String> conditionalRoles = new ArrayList<>();
        collectOtpRoles(realm, flow, conditionalRoles);
        assertThat(conditionalRoles).containsExactlyInAnyOrder("chiropractor", "clinic-admin");
        assertThat(realm(DEV).has("browserFlow")).isFalse();
    }

    /** The roles under whose condition a sub-flow of {@code flow} (at any depth) requires auth-otp-form. */
    private static void collectOtpRoles(JsonNode realm, JsonNode flow, List<String> roles) {
        boolean requiresOtp = false;
        List<String> conditions = new ArrayList<>();
        for (JsonNode execution : flow.path("authenticationExecutions")) {
            if (execution.path("authenticatorFlow").asBoolean()) {
                if (!execution.path("requirement").asText().equals("DISABLED")) {
                    collectOtpRoles(realm, flow(realm, execution.path("flowAlias").asText()), roles);
                }
            } else if (execution.path("authenticator").asText().equals("auth-otp-form")
                    && execution.path("requirement").asText().equals("REQUIRED")) {
                requiresOtp = true;
            } else if (execution.path("authenticator").asText().equals("conditional-user-role")) {
                JsonNode config = authenticatorConfig(realm, execution.path("authenticatorConfig").asText());
                if (!config.path("negate").asBoolean()) {
                    conditions.add(config.path("condUserRole").asText());
                }
            }
        }
        if (requiresOtp) {
            roles.addAll(conditions);
        }
    }

    private static JsonNode flow(JsonNode realm, String alias) {
        for (JsonNode flow : realm.path("authenticationFlows")) {
            if (flow.path("alias").asText().equals(alias)) {
                return flow;
            }
        }
        return null;
    }

    private static JsonNode authenticatorConfig(JsonNode realm, String alias) {
        for (JsonNode config : realm.path("authenticatorConfig")) {
            if (config.path("alias").asText().equals(alias)) {
                return config.path("config");
            }
        }
        throw new AssertionError("no authenticatorConfig " + alias);
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    /** quarkus.oidc.authentication.redirect-path of web-ui: where Keycloak sends the code. */
    private static String webUiRedirectPath() {
        Matcher path = Pattern.compile("(?m)^quarkus\\.oidc\\.authentication\\.redirect-path=(\\S+)")
                .matcher(Repo.read("web-ui/src/main/resources/application.properties"));
        assertThat(path.find()).as("redirect-path in web-ui's application.properties").isTrue();
        return path.group(1);
    }
}

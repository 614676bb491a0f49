package io.spinewise.launcher;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The rule that makes {@code realm-clinic.json} from {@code realm-clinic-dev.json}, the one
 * hand-edited realm: the same realm without demo users, without {@code clinic-cli}, with a
 * password policy, a second factor for staff, events kept 90 days, and with secrets and the web
 * UI's address from the environment.
 */
final class ProductionRealm {

    static final String DEV_ONLY_CLIENT = "clinic-cli";
    /** 12 characters at least (NIST SP 800-63B: length, not composition rules), capped against hashing a novel. */
    static final String PASSWORD_POLICY = "length(12) and maxLength(128) and notUsername(undefined)"
            + " and notEmail(undefined) and passwordHistory(3)";
    /**
     * 90 days of user and admin events: long enough to look into something noticed at a monthly
     * review, short enough that Keycloak's store of IP addresses and user ids stays small (data
     * minimisation); the {@code jboss-logging} listener sends every event to the log as well, for
     * longer keeping where the logs are kept.
     */
    static final int EVENTS_EXPIRATION_SECONDS = 90 * 24 * 60 * 60;
    static final String STAFF_BROWSER_FLOW = "browser with staff second factor";
    /**
     * The production browser flow: cookie, or password and then, for a chiropractor or a clinic
     * administrator, a one-time code (TOTP; set up at the first sign-in, as Keycloak asks a user
     * without one to configure it). Two conditional sub-flows because Keycloak's conditions within
     * one sub-flow are all required; the second skips a user who has both roles.
     */
    private static final String STAFF_SECOND_FACTOR = """
            {
              "authenticationFlows": [
                {"alias": "browser with staff second factor", "providerId": "basic-flow", "topLevel": true, "builtIn": false,
                 "description": "Cookie, or password plus a one-time code for chiropractors and clinic administrators",
                 "authenticationExecutions": [
                   {"authenticator": "auth-cookie", "authenticatorFlow": false, "requirement": "ALTERNATIVE", "priority": 10, "userSetupAllowed": false},
                   {"authenticatorFlow": true, "flowAlias": "staff sign-in forms", "requirement": "ALTERNATIVE", "priority": 20, "userSetupAllowed": false}
                 ]},
                {"alias": "staff sign-in forms", "providerId": "basic-flow", "topLevel": false, "builtIn": false,
                 "description": "Username and password, then a second factor by role",
                 "authenticationExecutions": [
                   {"authenticator": "auth-username-password-form", "authenticatorFlow": false, "requirement": "REQUIRED", "priority": 10, "userSetupAllowed": false},
                   {"authenticatorFlow": true, "flowAlias": "chiropractor one-time code", "requirement": "CONDITIONAL", "priority": 20, "userSetupAllowed": false},
                   {"authenticatorFlow": true, "flowAlias": "clinic-admin one-time code", "requirement": "CONDITIONAL", "priority": 30, "userSetupAllowed": false}
                 ]},
                {"alias": "chiropractor one-time code", "providerId": "basic-flow", "topLevel": false, "builtIn": false,
                 "description": "A chiropractor gives a one-time code",
                 "authenticationExecutions": [
                   {"authenticator": "conditional-user-role", "authenticatorConfig": "is chiropractor", "authenticatorFlow": false, "requirement": "REQUIRED", "priority": 10, "userSetupAllowed": false},
                   {"authenticator": "auth-otp-form", "authenticatorFlow": false, "requirement": "REQUIRED", "priority": 20, "userSetupAllowed": false}
                 ]},
                {"alias": "clinic-admin one-time code", "providerId": "basic-flow", "topLevel": false, "builtIn": false,
                 "description": "A clinic administrator (who is not also a chiropractor) gives a one-time code",
                 "authenticationExecutions": [
                   {"authenticator": "conditional-user-role", "authenticatorConfig": "is clinic-admin", "authenticatorFlow": false, "requirement": "REQUIRED", "priority": 10, "userSetupAllowed": false},
                   {"authenticator": "conditional-user-role", "authenticatorConfig": "is not chiropractor", "authenticatorFlow": false, "requirement": "REQUIRED", "priority": 20, "userSetupAllowed": false},
                   {"authenticator": "auth-otp-form", "authenticatorFlow": false, "requirement": "REQUIRED", "priority": 30, "userSetupAllowed": false}
                 ]}
              ],
              "authenticatorConfig": [
                {"alias": "is chiropractor", "config": {"condUserRole": "chiropractor", "negate": "false"}},
                {"alias": "is clinic-admin", "config": {"condUserRole": "clinic-admin", "negate": "false"}},
                {"alias": "is not chiropractor", "config": {"condUserRole": "chiropractor", "negate": "true"}}
              ]
            }
            """;
    static final String LOCAL_WEB_UI = "http://localhost:8080";
    static final String WEB_UI_PLACEHOLDER = "${SPINEWISE_WEB_UI_URL:" + LOCAL_WEB_UI + "}";
    private static final String DEV_ONLY_NOTE = " DEV ONLY:";

    static final ObjectMapper JSON = new ObjectMapper();

    private ProductionRealm() {
    }

    static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** {@code SPINEWISE_PLAN_SERVICE_CLIENT_SECRET} for {@code plan-service}. */
    static String secretVariable(String clientId) {
        return "SPINEWISE_" + clientId.toUpperCase(Locale.ROOT).replace('-', '_') + "_CLIENT_SECRET";
    }

    static ObjectNode from(JsonNode development) {
        ObjectNode realm = development.deepCopy();
        // demo passwords ("demo") would fail the policy, so only production gets it
        realm.put("passwordPolicy", PASSWORD_POLICY);
        realm.put("eventsExpiration", EVENTS_EXPIRATION_SECONDS);
        ((ObjectNode) realm.get("attributes")).put("adminEventsExpiration", Integer.toString(EVENTS_EXPIRATION_SECONDS));
        // the demo users sign in with a password only; staff of a real clinic give a one-time code too
        try {
            realm.setAll((ObjectNode) JSON.readTree(STAFF_SECOND_FACTOR));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        realm.put("browserFlow", STAFF_BROWSER_FLOW);

        ArrayNode clients = (ArrayNode) realm.get("clients");
        for (Iterator<JsonNode> it = clients.elements(); it.hasNext(); ) {
            ObjectNode client = (ObjectNode) it.next();
            String clientId = client.get("clientId").asText();
            if (clientId.equals(DEV_ONLY_CLIENT)) {
                it.remove();
                continue;
            }
            if (client.has("secret")) {
                client.put("secret", "${" + secretVariable(clientId) + "}");
            }
            String description = client.path("description").asText();
            int note = description.indexOf(DEV_ONLY_NOTE);
            if (note >= 0) {
                client.put("description", description.substring(0, note));
            }
            replaceText(client, LOCAL_WEB_UI, WEB_UI_PLACEHOLDER);
        }

        ArrayNode users = (ArrayNode) realm.get("users");
        users.removeIf(user -> !user.has("serviceAccountClientId"));
        return realm;
    }

    static void write(JsonNode realm, Path file) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writer(printer).writeValueAsString(realm) + "\n");
    }

    private static void replaceText(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (field.getValue().isTextual()) {
                    field.setValue(new TextNode(field.getValue().asText().replace(from, to)));
                } else {
                    replaceText(field.getValue(), from, to);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, new TextNode(array.get(i).asText().replace(from, to)));
                } else {
                    replaceText(array.get(i), from, to);
                }
            }
        }
    }
}

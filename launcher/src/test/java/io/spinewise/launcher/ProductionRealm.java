package io.spinewise.launcher;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The rule that makes {@code realm-clinic.json} from {@code realm-clinic-dev.json}, the one
 * hand-edited realm: the same realm without demo users, without {@code clinic-cli}, with a
 * password policy, and with secrets and the web UI's address from the environment.
 */
final class ProductionRealm {

    static final String DEV_ONLY_CLIENT = "clinic-cli";
    static final String PASSWORD_POLICY = "length(8) and notUsername(undefined) and notEmail(undefined)";
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

package io.spinewise.deploycheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds k8s/base/keycloak/realm-import.yaml from the production realm JSON. The operator's
 * KeycloakRealmImport wants the realm inline, kustomize cannot inline a file from outside
 * k8s/, so the file is generated and a test keeps it equal to its source.
 */
final class RealmImport {

    static final String SOURCE = "config/keycloak/realm-clinic.json";
    static final String TARGET = "k8s/base/keycloak/realm-import.yaml";
    static final String PLACEHOLDER_SECRET = "keycloak-realm-secrets";

    /**
     * Client secrets come from the very Secrets the services read, so the realm and the
     * services cannot disagree; any other placeholder is a key of keycloak-realm-secrets (the
     * operator takes placeholder values from Secrets only).
     */
    private static final Map<String, String[]> SHARED_SECRETS = Map.of(
            "SPINEWISE_WEB_UI_CLIENT_SECRET", new String[] {"web-ui-oidc", "client-secret"},
            "SPINEWISE_PLAN_SERVICE_CLIENT_SECRET", new String[] {"plan-service-oidc", "client-secret"});

    /** Upper-case ${NAME} are environment placeholders; lower-case ones (${email}) are Keycloak message keys. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");

    private static final String HEADER = """
            # GENERATED from config/keycloak/realm-clinic.json by deploy-check: do not edit by hand.
            # Regenerate: ./mvnw -f deploy-check/pom.xml test -Dtest=RealmImportTest -Dspinewise.regenerate=true
            """;

    private RealmImport() {
    }

    static String generate(String realmJson) {
        try {
            JsonNode realm = new ObjectMapper().readTree(realmJson);
            YAMLMapper yaml = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();
            ObjectNode doc = yaml.createObjectNode();
            // v2beta1: the stored version since operator 26.6, as for the Keycloak resource.
            doc.put("apiVersion", ManifestChecks.KNOWN_KINDS.get("KeycloakRealmImport"));
            doc.put("kind", "KeycloakRealmImport");
            ObjectNode metadata = doc.putObject("metadata");
            metadata.put("name", realm.path("realm").asText());
            metadata.putObject("labels").put("app.kubernetes.io/part-of", "spinewise");
            ObjectNode spec = doc.putObject("spec");
            spec.put("keycloakCRName", "keycloak");
            Set<String> placeholders = placeholders(realmJson);
            if (!placeholders.isEmpty()) {
                ObjectNode map = spec.putObject("placeholders");
                for (String name : placeholders) {
                    String[] source = SHARED_SECRETS.getOrDefault(name, new String[] {PLACEHOLDER_SECRET, name});
                    map.putObject(name).putObject("secret").put("name", source[0]).put("key", source[1]);
                }
            }
            spec.set("realm", realm);
            return HEADER + yaml.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(SOURCE + " is not valid JSON", e);
        }
    }

    static Set<String> placeholders(String realmJson) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(realmJson);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}

package io.spinewise.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The two realm files in {@code config/keycloak/}: the production one is derived from the
 * development one, and both keep the identity model of docs/architecture.md.
 */
class RealmFilesTest {

    static final Path REALM_DIR = Path.of(System.getProperty("spinewise.realm.dir", "../config/keycloak"));
    static final Path DEV_REALM = REALM_DIR.resolve("realm-clinic-dev.json");
    static final Path PROD_REALM = REALM_DIR.resolve("realm-clinic.json");

    /** The README's demo users: username, clinic, realm role. */
    private static final Map<String, String> DEMO_USERS = new TreeMap<>(Map.of(
            "dr.ada", "north chiropractor",
            "admin.nora", "north clinic-admin",
            "patient.paul", "north patient",
            "patient.petra", "north patient",
            "dr.ben", "south chiropractor",
            "admin.sol", "south clinic-admin",
            "patient.sam", "south patient"));

    @Test
    void productionRealmIsTheDevelopmentRealmWithoutDemoData() throws IOException {
        JsonNode expected = ProductionRealm.from(ProductionRealm.read(DEV_REALM));
        JsonNode actual = Files.exists(PROD_REALM) ? ProductionRealm.read(PROD_REALM) : null;
        if (!expected.equals(actual)) {
            Path regenerated = Path.of("target/generated-realm/realm-clinic.json").toAbsolutePath();
            ProductionRealm.write(expected, regenerated);
            fail(PROD_REALM.toAbsolutePath().normalize() + " does not match " + DEV_REALM.getFileName() + " (edit the dev realm, then derive): cp "
                    + regenerated + " " + PROD_REALM.toAbsolutePath().normalize());
        }
    }

    @Test
    void developmentRealmHasTheDemoUsersEachInOneClinicWithOneRole() throws IOException {
        Map<String, String> found = new TreeMap<>();
        for (JsonNode user : ProductionRealm.read(DEV_REALM).get("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            JsonNode clinic = user.path("attributes").path("clinic_id");
            assertThat(clinic.size()).as("clinic_id values of %s", user.get("username")).isEqualTo(1);
            List<String> roles = new ArrayList<>();
            user.get("realmRoles").forEach(role -> roles.add(role.asText()));
            roles.remove("default-roles-clinic");
            assertThat(roles).as("roles of %s", user.get("username")).hasSize(1);
            found.put(user.get("username").asText(), clinic.get(0).asText() + " " + roles.get(0));

            JsonNode credential = user.get("credentials").get(0);
            assertThat(credential.get("value").asText()).isEqualTo("demo");
            assertThat(credential.get("temporary").asBoolean()).isFalse();
            assertThat(user.get("email").asText()).endsWith("@" + clinic.get(0).asText() + ".example");
        }
        assertThat(found).isEqualTo(DEMO_USERS);
    }

    @Test
    void productionRealmCarriesNoDemoUsersPasswordsOrDevelopmentSecrets() throws IOException {
        String text = Files.readString(PROD_REALM);
        assertThat(text).doesNotContain("dev-secret", "\"credentials\"", ProductionRealm.DEV_ONLY_CLIENT, "DEV ONLY");
        JsonNode realm = ProductionRealm.read(PROD_REALM);
        assertThat(realm.get("users")).allSatisfy(user -> assertThat(user.has("serviceAccountClientId")).isTrue());
        assertThat(client(realm, "web-ui").get("secret").asText()).isEqualTo("${SPINEWISE_WEB_UI_CLIENT_SECRET}");
        assertThat(client(realm, "plan-service").get("secret").asText())
                .isEqualTo("${SPINEWISE_PLAN_SERVICE_CLIENT_SECRET}");
    }

    @Test
    void tokenClientsMapClinicIdAndTheServiceAudiences() throws IOException {
        JsonNode realm = ProductionRealm.read(DEV_REALM);
        for (String clientId : List.of("web-ui", "clinic-cli")) {
            Map<String, String> mappers = new TreeMap<>();
            for (JsonNode mapper : client(realm, clientId).get("protocolMappers")) {
                JsonNode config = mapper.get("config");
                mappers.put(mapper.get("protocolMapper").asText() + " "
                                + config.path("claim.name").asText(config.path("included.client.audience").asText()),
                        config.get("access.token.claim").asText() + " " + config.get("id.token.claim").asText());
            }
            assertThat(mappers).as("mappers of %s (access token, ID token)", clientId).isEqualTo(Map.of(
                    "oidc-usermodel-attribute-mapper clinic_id", "true true",
                    "oidc-audience-mapper catalog-service", "true false",
                    "oidc-audience-mapper plan-service", "true false"));
        }
    }

    @Test
    void resourceServersObtainNoTokensOfTheirOwnExceptPlanServiceAccount() throws IOException {
        JsonNode realm = ProductionRealm.read(PROD_REALM);
        for (String clientId : List.of("catalog-service", "plan-service")) {
            JsonNode client = client(realm, clientId);
            assertThat(client.get("standardFlowEnabled").asBoolean()).isFalse();
            assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
            assertThat(client.get("implicitFlowEnabled").asBoolean()).isFalse();
        }
        assertThat(client(realm, "catalog-service").get("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(client(realm, "plan-service").get("serviceAccountsEnabled").asBoolean()).isTrue();
        JsonNode serviceAccount = realm.get("users").get(0);
        assertThat(serviceAccount.get("serviceAccountClientId").asText()).isEqualTo("plan-service");
        // no realm-management role at all: enrolment and erasure go through the spinewise-enrolment extension,
        // each under its own client role
        assertThat(serviceAccount.path("clientRoles").properties()).singleElement()
                .satisfies(roles -> assertThat(roles.getKey()).isEqualTo("plan-service"))
                .satisfies(roles -> assertThat(roles.getValue()).extracting(JsonNode::asText).containsExactly("enrol-patients", "erase-patients"));
        assertThat(serviceAccount.path("realmRoles")).extracting(JsonNode::asText).containsExactly("default-roles-clinic");
    }

    @Test
    void userProfileDeclaresClinicIdThatOnlyAdminsEdit() throws IOException {
        JsonNode realm = ProductionRealm.read(PROD_REALM);
        String config = realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0/config/kc.user.profile.config/0")
                .asText();
        JsonNode clinicId = null;
        for (JsonNode attribute : ProductionRealm.JSON.readTree(config).get("attributes")) {
            if (attribute.get("name").asText().equals("clinic_id")) {
                clinicId = attribute;
            }
        }
        assertThat(clinicId).as("clinic_id in the user profile").isNotNull();
        assertThat(clinicId.at("/permissions/edit")).extracting(JsonNode::asText).containsExactly("admin");
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }
}

package io.spinewise.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operators' resources against operator-fields.yaml (facts taken from the operators' API
 * types, sources named in the file): known fields, right types, and a schema that covers every
 * operator kind the overlays render.
 */
class OperatorFieldsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyOperatorResourceUsesOnlyFieldsItsApiDefines(String overlay) {
        List<String> problems = Overlays.render(overlay).stream().flatMap(d -> OperatorFields.check(d).stream()).toList();

        assertThat(problems).as("operator fields in overlay " + overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyCustomResourceKindIsDescribed(String overlay) {
        // Built-in API groups are either core ("v1") or end in k8s.io; the rest are operators'.
        List<String> undescribed = Overlays.render(overlay).stream()
                .filter(d -> d.path("apiVersion").asText().contains(".") && !d.path("apiVersion").asText().contains("k8s.io/"))
                .filter(d -> !OperatorFields.covers(Yaml.kind(d)))
                .map(Yaml::id).toList();

        assertThat(undescribed).as("custom resources without an entry in operator-fields.yaml").isEmpty();
    }

    @Test
    void schemaDescribesTheApiVersionsTheChecksExpect() {
        OperatorFields.schemas().forEach((kind, schema) ->
                assertThat(schema.apiVersion()).as(kind).isEqualTo(ManifestChecks.KNOWN_KINDS.get(kind)));
    }

    @Test
    void misspeltFieldIsReported() {
        assertThat(OperatorFields.check(doc("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Database
                metadata: {name: plan}
                spec: {name: plan, ownr: plan, cluster: {name: spinewise-db}}
                """)))
                .singleElement().asString().contains("Database/plan: spec.ownr is not a field");
    }

    @Test
    void fieldInTheWrongPlaceIsReported() {
        // poolMaxSize belongs under spec.db, not at the top of spec.
        assertThat(OperatorFields.check(doc("""
                apiVersion: k8s.keycloak.org/v2beta1
                kind: Keycloak
                metadata: {name: keycloak}
                spec: {instances: 1, poolMaxSize: 20}
                """)))
                .singleElement().asString().contains("spec.poolMaxSize is not a field");
    }

    @Test
    void wrongTypesAreReported() {
        assertThat(OperatorFields.check(doc("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db}
                spec:
                  instances: "3"
                  postgresql: {parameters: {max_connections: 200}}
                  resources: {limits: {memory: true}}
                """)))
                .anySatisfy(p -> assertThat(p).contains("spec.instances must be integer"))
                .anySatisfy(p -> assertThat(p).contains("spec.postgresql.parameters must be string-map"))
                .anySatisfy(p -> assertThat(p).contains("spec.resources.limits.memory must be quantity"));
    }

    @Test
    void olderApiVersionIsReported() {
        assertThat(OperatorFields.check(doc("""
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: KeycloakRealmImport
                metadata: {name: clinic}
                spec: {keycloakCRName: keycloak, realm: {realm: clinic}}
                """)))
                .singleElement().asString().contains("describes k8s.keycloak.org/v2beta1");
    }

    private static ObjectNode doc(String yaml) {
        return Yaml.readOne(yaml, "test");
    }
}

package io.spinewise.web.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionSecretsTest {

    private static final String KEY = "quarkus.rest-csrf.token-signature-key";

    @Test
    void refusesTheDevelopmentDefaultsOfApplicationProperties() {
        assertThat(ProductionSecrets.problem("quarkus.oidc.credentials.secret", "web-ui-dev-secret", 1))
                .hasValue("quarkus.oidc.credentials.secret is a development value; production needs a secret of its own");
        assertThat(ProductionSecrets.problem(KEY, "dev-only-spinewise-csrf-key-change-me-in-production", 32))
                .hasValue(KEY + " is a development value; production needs a secret of its own");
    }

    @Test
    void refusesThePlaceholdersOfEnvExampleEvenWhenLongEnough() {
        assertThat(ProductionSecrets.problem(KEY, "change-me-to-another-32-or-more-random-characters", 32))
                .hasValueSatisfying(problem -> assertThat(problem).contains("development value"));
    }

    @Test
    void refusesAKeyShorterThan32CharactersAndAMissingOne() {
        assertThat(ProductionSecrets.problem(KEY, "x".repeat(31), 32)).hasValue(KEY + " is shorter than 32 characters");
        assertThat(ProductionSecrets.problem(KEY, "   ", 32)).hasValue(KEY + " is not set; production needs a secret of its own");
        assertThat(ProductionSecrets.problem(KEY, null, 32)).isPresent();
    }

    @Test
    void acceptsARandomKeyOf32CharactersAndNeverRepeatsAValue() {
        assertThat(ProductionSecrets.problem(KEY, "x".repeat(32), 32)).isEmpty();
        assertThat(ProductionSecrets.problem("quarkus.oidc.credentials.secret", "a1", 1)).isEmpty();
        assertThat(ProductionSecrets.problem(KEY, "short-secret", 32)).hasValueSatisfying(
                problem -> assertThat(problem).doesNotContain("short-secret"));
    }
}

package io.spinewise.plan.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionSecretsTest {

    private static final String SECRET = ProductionSecrets.CLIENT_SECRET;

    @Test
    void refusesTheDevelopmentDefaultAndTheEnvExamplePlaceholder() {
        assertThat(ProductionSecrets.problem(SECRET, "plan-service-dev-secret"))
                .hasValue(SECRET + " is a development value; production needs a secret of its own");
        assertThat(ProductionSecrets.problem(SECRET, "change-me-plan-service-client")).isPresent();
        assertThat(ProductionSecrets.problem(SECRET, "dev-only-anything")).isPresent();
    }

    @Test
    void refusesAMissingSecret() {
        assertThat(ProductionSecrets.problem(SECRET, "")).hasValue(SECRET + " is not set; production needs a secret of its own");
        assertThat(ProductionSecrets.problem(SECRET, null)).isPresent();
    }

    @Test
    void acceptsASecretOfItsOwn() {
        assertThat(ProductionSecrets.problem(SECRET, "0f3a9c2b7d1e4f6a8b5c0d9e2f7a1b3c")).isEmpty();
    }
}

package io.spinewise.web.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Keeps web-ui from starting in the prod profile with a secret everyone can read: the development
 * defaults of application.properties and the {@code change-me} placeholders of .env.example. With
 * them anyone could forge a session cookie or a CSRF token. The local stack ({@code ./spinewise up})
 * runs under the {@code local} profile and keeps the development values.
 */
@ApplicationScoped
public class ProductionSecrets {

    /** Both keys are AES/HMAC material: Quarkus itself asks for at least 32 characters. */
    static final int KEY_MINIMUM_LENGTH = 32;

    private static final Set<String> DEVELOPMENT_VALUES = Set.of("web-ui-dev-secret", "plan-service-dev-secret");

    void refuseDevelopmentSecrets(@Observes StartupEvent event, Config config) {
        if (!ConfigUtils.isProfileActive("prod")) {
            return;
        }
        require(config, "quarkus.oidc.credentials.secret", 1);
        require(config, "quarkus.oidc.token-state-manager.encryption-secret", KEY_MINIMUM_LENGTH);
        require(config, "quarkus.rest-csrf.token-signature-key", KEY_MINIMUM_LENGTH);
    }

    private static void require(Config config, String property, int minimumLength) {
        problem(property, config.getOptionalValue(property, String.class).orElse(null), minimumLength)
                .ifPresent(problem -> {
                    throw new IllegalStateException(problem);
                });
    }

    /**
     * Why {@code value} cannot be {@code property}'s production value, in one line that names the
     * property and never the value (it ends up in logs); empty when it can.
     */
    static Optional<String> problem(String property, String value, int minimumLength) {
        if (value == null || value.isBlank()) {
            return Optional.of(property + " is not set; production needs a secret of its own");
        }
        if (DEVELOPMENT_VALUES.contains(value) || value.startsWith("dev-only-") || value.startsWith("change-me")) {
            return Optional.of(property + " is a development value; production needs a secret of its own");
        }
        if (value.length() < minimumLength) {
            return Optional.of(property + " is shorter than " + minimumLength + " characters");
        }
        return Optional.empty();
    }
}

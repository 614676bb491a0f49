package io.spinewise.plan.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Keeps plan-service from starting in the prod profile with its service account's development
 * secret (or a {@code change-me} placeholder of .env.example): whoever knows it can manage the
 * realm's users. The local stack ({@code ./spinewise up}) runs under the {@code local} profile and
 * keeps the development value. web-ui has the same rule for its own secrets; it does not share
 * service-common, whose beans (problem mappers, body size guard) would change web-ui's answers.
 */
@ApplicationScoped
public class ProductionSecrets {

    static final String CLIENT_SECRET = "quarkus.oidc-client.credentials.secret";

    private static final Set<String> DEVELOPMENT_VALUES = Set.of("plan-service-dev-secret", "web-ui-dev-secret");

    void refuseDevelopmentSecrets(@Observes StartupEvent event, Config config) {
        if (ConfigUtils.isProfileActive("prod")) {
            problem(CLIENT_SECRET, config.getOptionalValue(CLIENT_SECRET, String.class).orElse(null))
                    .ifPresent(problem -> {
                        throw new IllegalStateException(problem);
                    });
        }
    }

    /**
     * Why {@code value} cannot be {@code property}'s production value, in one line that names the
     * property and never the value (it ends up in logs); empty when it can.
     */
    static Optional<String> problem(String property, String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(property + " is not set; production needs a secret of its own");
        }
        if (DEVELOPMENT_VALUES.contains(value) || value.startsWith("dev-only-") || value.startsWith("change-me")) {
            return Optional.of(property + " is a development value; production needs a secret of its own");
        }
        return Optional.empty();
    }
}

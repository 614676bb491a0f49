package io.spinewise.deploycheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The settings a service's application.properties points at localhost: right for
 * ./spinewise up, wrong in a container. Every deployment must override each of them through its
 * environment, or the service calls itself instead of PostgreSQL, Keycloak or another service,
 * or (a list of loopback addresses such as web-ui's trusted proxies) believes no proxy in front
 * of it, so its cookies never become Secure behind TLS.
 */
final class LocalDefaults {

    private static final Pattern LOCAL_URL = Pattern.compile("//(localhost|127\\.0\\.0\\.1)[:/]");
    private static final Pattern LOOPBACK_ONLY = Pattern.compile("(localhost|127\\.0\\.0\\.1)(\\s*,\\s*(localhost|127\\.0\\.0\\.1))*");

    private LocalDefaults() {
    }

    /**
     * The environment variable (Quarkus' mapping: upper case, every other character '_') of
     * each localhost setting of module {@code service}, with the setting it overrides; empty
     * when the module has no application.properties.
     */
    static Map<String, String> of(String service) {
        Path file = Repo.path(service + "/src/main/resources/application.properties");
        Map<String, String> overrides = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return overrides;
        }
        for (String line : Repo.read(file).split("\n")) {
            String trimmed = line.trim();
            int equals = trimmed.indexOf('=');
            // Profile lines (%test., %dev.) never apply in a deployment.
            if (trimmed.startsWith("#") || trimmed.startsWith("%") || equals < 0) {
                continue;
            }
            String key = trimmed.substring(0, equals).trim();
            String value = trimmed.substring(equals + 1).trim();
            if (LOCAL_URL.matcher(value).find() || LOOPBACK_ONLY.matcher(value).matches()) {
                overrides.put(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(), trimmed);
            }
        }
        return overrides;
    }
}

package io.spinewise.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A service's OpenAPI document as committed in {@code docs/api/<service>.openapi.yaml}: the API
 * contract that web-ui's tests and Spectral read. A service test compares it with the document
 * the service generates (SmallRye OpenAPI, served at {@code /q/openapi}), so the committed one
 * cannot fall behind the code; {@code -Dspinewise.openapi.refresh} writes it instead.
 */
public final class CommittedApiDocument {

    /** The system property that makes the check write the generated document instead of comparing. */
    public static final String REFRESH = "spinewise.openapi.refresh";

    private CommittedApiDocument() {
    }

    /** The committed document of {@code service}, seen from a module's directory (where tests run). */
    public static Path file(String service) {
        return Path.of("..", "docs", "api", service + ".openapi.yaml");
    }

    /** The one command that writes {@code service}'s committed document anew from the code. */
    public static String refreshCommand(String service) {
        return "./mvnw -pl " + service + " -am test -Dtest=OperationsTest -Dsurefire.failIfNoSpecifiedTests=false -D"
                + REFRESH;
    }

    /**
     * Fails, naming the first line that differs and the refresh command, unless {@code generated}
     * is exactly the committed document (or, with {@value #REFRESH}, writes it).
     */
    public static void assertCommitted(String service, String generated) {
        Path file = file(service);
        try {
            if (System.getProperty(REFRESH) != null && !"false".equals(System.getProperty(REFRESH))) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, generated, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError(file.normalize() + " is missing. Write it with: " + refreshCommand(service));
            }
            String committed = Files.readString(file, StandardCharsets.UTF_8);
            if (!committed.equals(generated)) {
                throw new AssertionError(file.normalize() + " is not the document " + service + " generates ("
                        + firstDifference(committed, generated) + "). If the API change is meant, refresh it with: "
                        + refreshCommand(service) + " and commit it.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstDifference(String committed, String generated) {
        String[] a = committed.split("\n", -1);
        String[] b = generated.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String left = i < a.length ? a[i] : "(end of file)";
            String right = i < b.length ? b[i] : "(end of file)";
            if (!left.equals(right)) {
                return "line " + (i + 1) + ": committed '" + left.strip() + "', generated '" + right.strip() + "'";
            }
        }
        return "line endings differ";
    }
}

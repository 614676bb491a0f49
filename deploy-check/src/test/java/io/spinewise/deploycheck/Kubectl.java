package io.spinewise.deploycheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's kubectl, when it has one whose built-in kustomize is v4 or newer (older ones
 * predate the "patches" field). -Dspinewise.kubectl=off ignores it, to exercise the Java
 * renderer alone.
 */
final class Kubectl {

    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("Kustomize Version: v(\\d+)\\.");
    private static final int MIN_KUSTOMIZE_MAJOR = 4;

    private static Optional<String> version;

    private Kubectl() {
    }

    /** "kubectl x / kustomize y" when usable, empty otherwise. */
    static synchronized Optional<String> available() {
        if (version == null) {
            version = probe();
        }
        return version;
    }

    private static Optional<String> probe() {
        if ("off".equals(System.getProperty("spinewise.kubectl"))) {
            return Optional.empty();
        }
        try {
            String out = run(List.of("kubectl", "version", "--client"), 30);
            Matcher m = KUSTOMIZE_VERSION.matcher(out);
            if (m.find() && Integer.parseInt(m.group(1)) >= MIN_KUSTOMIZE_MAJOR) {
                return Optional.of(out.replace('\n', ' ').trim());
            }
            return Optional.empty();
        } catch (IOException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** `kubectl kustomize DIR`: offline, it only reads files. */
    static String kustomize(Path directory) {
        try {
            return run(List.of("kubectl", "kustomize", directory.toString()), 120);
        } catch (IOException e) {
            throw new IllegalStateException("kubectl kustomize " + directory + " could not run", e);
        }
    }

    private static String run(List<String> command, int timeoutSeconds) throws IOException {
        Path stderr = Files.createTempFile("kubectl", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(stderr.toFile())
                    .start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed ("
                        + process.exitValue() + "): " + Files.readString(stderr));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            Files.deleteIfExists(stderr);
        }
    }
}

package io.spinewise.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The checkout's {@code spinewise} script, run as a user runs it, on the tests' own data folder
 * ({@code SPINEWISE_DATA}), with the JDK that runs the tests first on the PATH and any further
 * environment the tests give it (the OTLP endpoint of their trace receiver).
 */
final class Launcher {

    /** The last line {@code ./spinewise up} prints once everything is up. */
    static final String READY_LINE = "Press Ctrl-C or run ./spinewise down to stop.";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final Path home;
    private final Path data;
    private final Map<String, String> environment;

    Launcher(Path home, Path data, Map<String, String> environment) {
        this.home = home;
        this.data = data;
        this.environment = Map.copyOf(environment);
    }

    Path data() {
        return data;
    }

    /** {@code ./spinewise up} in the background, returned once it says it is up; throws with its output when it ends first. */
    Up up() {
        Up up = new Up(start("up").redirectErrorStream(true));
        up.awaitReady();
        return up;
    }

    /** A command run to its end, e.g. {@code down}, or an {@code up} that is expected to refuse. */
    Result run(String command, Duration timeout) {
        return run(timeout, command);
    }

    /** A command with its arguments run to its end, e.g. {@code backup FILE}. */
    Result run(Duration timeout, String... arguments) {
        String command = arguments[0];
        try {
            Path output = Files.createTempFile("spinewise-" + command, ".out");
            Process process = start(arguments).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            long begin = System.nanoTime();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./spinewise " + command + " did not finish within " + timeout
                        + ":\n" + Files.readString(output));
            }
            Result result = new Result(process.exitValue(), Files.readString(output),
                    Duration.ofNanos(System.nanoTime() - begin));
            Files.delete(output);
            result.output().lines().forEach(line -> System.out.println("[spinewise " + command + "] " + line));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ProcessBuilder start(String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("spinewise").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SPINEWISE_DATA", data.toString());
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        return builder;
    }

    /** What a command printed and how it ended. */
    record Result(int status, String output, Duration took) {
    }

    /** A running {@code ./spinewise up}: its process and everything it printed so far. */
    static final class Up {

        private final Process process;
        private final StringBuffer output = new StringBuffer();
        private final CountDownLatch ready = new CountDownLatch(1);

        private Up(ProcessBuilder builder) {
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread reader = new Thread(this::read, "spinewise-up-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    System.out.println("[spinewise up] " + line);
                    if (line.contains(READY_LINE)) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                output.append("(output unreadable: ").append(e.getMessage()).append(")\n");
            } finally {
                ready.countDown();
            }
        }

        private void awaitReady() {
            try {
                if (!ready.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || !output().contains(READY_LINE)) {
                    stop();
                    throw new IllegalStateException("./spinewise up did not come up (exit "
                            + (process.isAlive() ? "none" : process.exitValue()) + "):\n" + output());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        String output() {
            return output.toString();
        }

        Process process() {
            return process;
        }

        /** As Ctrl-C does: SIGTERM, and the launcher stops every part before it exits. */
        void stop() {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package io.spinewise.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program of the stack run as a child process with its output in a log file; stopped with
 * SIGTERM (so Quarkus and Keycloak shut down cleanly), then killed after a grace period.
 */
final class ChildProcess {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Path logFile;
    private Process process;

    ChildProcess(String name, Path logFile) {
        this.name = name;
        this.logFile = logFile;
    }

    void start(List<String> command, Path workingDirectory, Map<String, String> environment) throws IOException {
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        // children first: kc.sh starts a JVM of its own
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println(name + " did not stop within " + GRACE.toSeconds() + " s; killing it");
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** SIGKILL to the process and its children, as a crash of the machine's memory would end them. */
    void kill() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends a signal by name (e.g. {@code STOP}, {@code CONT}) to the process and its children:
     * {@code STOP} freezes a program that keeps its ports open, as a hung one does, for the fault tests.
     */
    void signal(String signal) throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(process.pid())));
        process.descendants().forEach(child -> command.add(Long.toString(child.pid())));
        int status = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("kill -" + signal + " " + name + " exited with " + status);
        }
    }

    Path logFile() {
        return logFile;
    }
}

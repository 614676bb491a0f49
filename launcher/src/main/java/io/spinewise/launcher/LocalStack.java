package io.spinewise.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Starts the parts of the local platform in dependency order and stops the started ones in
 * reverse order, whether the stack is shut down or one part fails to start.
 */
final class LocalStack {

    static final Duration PART_TIMEOUT = Duration.ofSeconds(180);
    private static final int LOG_LINES_ON_FAILURE = 25;

    private final List<Part> parts;
    private final Deque<Part> started = new ArrayDeque<>();
    private volatile boolean stopping;
    private volatile Thread starting;

    LocalStack(List<Part> parts) {
        this.parts = parts;
    }

    /**
     * Starts every part; on a failure reports it with the part's log, stops the rest and throws.
     * A {@link #stop()} meanwhile (Ctrl-C, {@code ./spinewise down}) ends it quietly.
     */
    void start() {
        starting = Thread.currentThread();
        try {
            for (Part part : parts) {
                start(part);
            }
        } finally {
            starting = null;
        }
    }

    // one part at a time under the stack's lock, so that stop() never returns while a part it
    // missed is still being started: that part would outlive the launcher
    private synchronized void start(Part part) {
        if (stopping) {
            throw new StartFailure(part.name(), new InterruptedException("stopping"));
        }
        long begin = System.nanoTime();
        System.out.printf("  starting %-18s ", part.name());
        System.out.flush();
        try {
            started.push(part);
            part.start(PART_TIMEOUT);
            System.out.printf("ready in %4.1f s%n", (System.nanoTime() - begin) / 1e9);
        } catch (Exception e) {
            if (stopping) {
                System.out.println("stopped");
            } else {
                System.out.println("FAILED");
                System.err.println(part.name() + " failed to start: " + e.getMessage());
                printLogTail(part);
            }
            stop();
            throw new StartFailure(part.name(), e);
        }
    }

    /**
     * Stops what was started, last first, from any thread. A part being started is interrupted
     * (its readiness wait ends) and stopped with the others. Idempotent.
     */
    void stop() {
        stopping = true;
        Thread starter = starting;
        if (starter != null && starter != Thread.currentThread()) {
            starter.interrupt();
        }
        synchronized (this) {
            while (!started.isEmpty()) {
                Part part = started.pop();
                System.out.println("  stopping " + part.name());
                part.stop();
            }
        }
    }

    List<Part> parts() {
        return parts;
    }

    private static void printLogTail(Part part) {
        Path log = part.logFile();
        if (log == null || !Files.exists(log)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(log);
            System.err.println("--- last lines of " + log + " ---");
            lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()).forEach(System.err::println);
            System.err.println("---");
        } catch (IOException e) {
            System.err.println("(could not read " + log + ": " + e.getMessage() + ")");
        }
    }

    /** A part did not start; the stack has been stopped. */
    static final class StartFailure extends RuntimeException {
        StartFailure(String part, Throwable cause) {
            super(part + " failed to start", cause);
        }
    }
}

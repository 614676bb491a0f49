package io.spinewise.launcher;

import java.nio.file.Path;
import java.time.Duration;

/** One part of the local stack: started in order, stopped in reverse order. */
interface Part {

    /** A short name for messages, e.g. {@code catalog-service}. */
    String name();

    /** Starts the part and returns once it reports ready, or throws with the reason. */
    void start(Duration timeout) throws Exception;

    /** Stops the part; safe to call when it never started. */
    void stop();

    /**
     * Ends the part as a crash would (SIGKILL, no shutdown), for the fault tests; a part that
     * cannot be killed, because it is not ours, is left alone.
     */
    default void kill() {
        throw new UnsupportedOperationException(name() + " cannot be killed");
    }

    /** Freezes the part (SIGSTOP): its ports stay open and answer nothing, as a hung program's do. For fault tests. */
    default void pause() throws Exception {
        throw new UnsupportedOperationException(name() + " cannot be paused");
    }

    /** Lets a paused part run on (SIGCONT). */
    default void resume() throws Exception {
        throw new UnsupportedOperationException(name() + " cannot be resumed");
    }

    /** The part's log file, shown when it fails to start; null when it has none. */
    Path logFile();

    /** Where a person reaches this part, for the summary printed at start-up. */
    String url();
}

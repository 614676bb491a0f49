package io.spinewise.launcher;

import java.io.IOException;
import java.nio.file.Path;

/** A part the launcher runs as a child process of its own: stopped, paused and resumed through it, its output the log. */
abstract class ProcessPart implements Part {

    protected final ChildProcess process;

    ProcessPart(ChildProcess process) {
        this.process = process;
    }

    @Override
    public void stop() {
        process.stop();
    }

    @Override
    public void pause() throws IOException, InterruptedException {
        process.signal("STOP");
    }

    @Override
    public void resume() throws IOException, InterruptedException {
        process.signal("CONT");
    }

    @Override
    public Path logFile() {
        return process.logFile();
    }
}

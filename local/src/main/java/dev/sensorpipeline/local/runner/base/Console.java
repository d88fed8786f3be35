package dev.sensorpipeline.local.runner.base;

import java.io.PrintStream;

/**
 * Where everything the runner shows goes, one whole line at a time whichever thread writes it. stdout carries the
 * function's log, as Lambda's log stream would (its output as is, START, END and REPORT lines) and the runner's own
 * lines, prefixed {@code [runner]}; stderr carries what needs attention: retries, discarded records, errors.
 */
public final class Console {

    private static final String PREFIX = "[runner] ";

    private final PrintStream out;
    private final PrintStream err;

    public Console(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** A line of the function's log stream: its own output, or Lambda's START, END and REPORT lines. */
    public void log(String line) {
        synchronized (this) {
            out.println(line);
            out.flush();
        }
    }

    /** What the runner is doing. */
    public void info(String message) {
        synchronized (this) {
            out.println(PREFIX + message);
            out.flush();
        }
    }

    /** Something that needs attention: a retry, a discard, a problem reading the stream. */
    public void warn(String message) {
        synchronized (this) {
            err.println(PREFIX + message);
            err.flush();
        }
    }
}

package dev.sensorpipeline.local.runner.base;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/** The tools' picocli command lines: usage and help to {@code out}, errors to {@code err}, each flushed per line. */
public final class CommandLines {

    private CommandLines() {
    }

    /** {@code command}'s command line, writing to the streams it was made with. */
    public static CommandLine writingTo(Object command, PrintStream out, PrintStream err) {
        return new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    }
}

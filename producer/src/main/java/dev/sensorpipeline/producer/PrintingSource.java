package dev.sensorpipeline.producer;

import dev.sensorpipeline.producer.delivery.PutEntry;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * The entries of a source, each reading printed as a JSON line as it is taken, when there is somewhere to print;
 * the dry run's output. A closed output (a pipe into {@code head}) ends the entries: the reader has what it wanted.
 */
final class PrintingSource implements Iterator<PutEntry> {

    /** Checking a PrintWriter for errors flushes it; every thousand lines is often enough. */
    private static final int CHECK_EVERY = 1000;

    private final Iterator<PutEntry> source;
    private final PrintWriter out;
    private long printed;
    private boolean closed;

    /** @param out where to print, or {@code null} to print nothing */
    PrintingSource(Iterator<PutEntry> source, PrintWriter out) {
        this.source = source;
        this.out = out;
    }

    @Override
    public boolean hasNext() {
        return !closed && source.hasNext();
    }

    @Override
    public PutEntry next() {
        PutEntry entry = source.next();
        if (out != null) {
            out.println(new String(entry.data(), StandardCharsets.UTF_8));
            if (printed++ % CHECK_EVERY == 0 && out.checkError()) {
                closed = true;
            }
        }
        return entry;
    }

    /** Whether the output was found closed, which ended the entries early. */
    boolean outputClosed() {
        return closed;
    }
}

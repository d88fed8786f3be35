package dev.sensorpipeline.benchmarks.function;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console of one function's execution environment: every line goes on to the bench's log, and the
 * {@code Duration} of each Lambda {@code REPORT} line is kept.
 */
final class ReportLines extends OutputStream {

    private static final Pattern DURATION = Pattern.compile("^REPORT RequestId: \\S+\\tDuration: ([0-9.]+) ms");

    private final OutputStream log;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private double lastDurationMs = Double.NaN;
    private long reports;

    ReportLines(OutputStream log) {
        this.log = log;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        log.write(b);
        if (b == '\n') {
            Matcher matcher = DURATION.matcher(line.toString(StandardCharsets.UTF_8));
            if (matcher.find()) {
                lastDurationMs = Double.parseDouble(matcher.group(1));
                reports++;
            }
            line.reset();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        log.flush();
    }

    /** The Duration of the last REPORT line, in ms. */
    synchronized double lastDurationMs() {
        return lastDurationMs;
    }

    /** REPORT lines seen so far. */
    synchronized long reports() {
        return reports;
    }
}

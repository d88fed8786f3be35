package dev.sensorpipeline.readings.query;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A line on stderr while a query runs long: after each page, when at least {@link #EVERY_NANOS} have passed since
 * the query began or since the last line, one line says how far it is.
 */
public final class QueryProgress {

    /** How often a long query says how far it is: every 2 s. */
    public static final long EVERY_NANOS = 2_000_000_000L;

    private final PrintWriter err;
    private final LongSupplier nanoClock;

    public QueryProgress(PrintWriter err, LongSupplier nanoClock) {
        this.err = err;
        this.nanoClock = nanoClock;
    }

    /** Progress that never prints, for tests and quiet runs. */
    public static QueryProgress silent() {
        return new QueryProgress(null, System::nanoTime);
    }

    /** Starts following one query, described as in "sensor-1 in SensorData". */
    Tracker start(String what) {
        return new Tracker(what, nanoClock.getAsLong());
    }

    /** One query's progress. */
    final class Tracker {
        private final String what;
        private final long started;
        private long lastLine;

        private Tracker(String what, long started) {
            this.what = what;
            this.started = started;
            this.lastLine = started;
        }

        /** After a page: {@code pages} read so far, {@code items} in them. */
        void page(int pages, long items) {
            if (err == null) {
                return;
            }
            long now = nanoClock.getAsLong();
            if (now - lastLine >= EVERY_NANOS) {
                lastLine = now;
                err.printf(Locale.ROOT, "... reading %s: %,d readings in %d pages so far (%.0f s)%n", what, items,
                        pages, (now - started) / 1e9);
                err.flush();
            }
        }
    }
}

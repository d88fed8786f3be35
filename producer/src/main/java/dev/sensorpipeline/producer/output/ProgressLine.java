package dev.sensorpipeline.producer.output;

import dev.sensorpipeline.producer.delivery.LiveCounts;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A live progress line on a terminal, redrawn in place twice a second from the run's {@link LiveCounts}.
 *
 * <p>Only for terminals: in a log the carriage returns would be noise, and the summary line says it all.
 */
public final class ProgressLine implements AutoCloseable {

    private static final long PERIOD_MILLIS = 500;
    private static final String CLEAR_TO_END = "\u001B[K";

    private final PrintWriter err;
    private final LiveCounts counts;
    private final long total;
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService timer;
    private long lastNanos;
    private long lastAccepted;

    /**
     * Starts redrawing.
     *
     * @param total readings the run will take, or {@link Long#MAX_VALUE} when it runs until stopped
     */
    public ProgressLine(PrintWriter err, LiveCounts counts, long total, LongSupplier nanoTime) {
        this.err = err;
        this.counts = counts;
        this.total = total;
        this.nanoTime = nanoTime;
        lastNanos = nanoTime.getAsLong();
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sensor-producer-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::redraw, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * The line's text.
     *
     * @param total          readings the run will take, or {@link Long#MAX_VALUE}
     * @param acceptedPerSec accepted readings per second lately
     */
    public static String render(LiveCounts.Snapshot snapshot, long total, double acceptedPerSec) {
        String sent = total == Long.MAX_VALUE ? Long.toString(snapshot.sent()) : snapshot.sent() + "/" + total;
        return String.format(Locale.ROOT, "sent %s, accepted %d, retried %d, failed %d, %.0f readings/s",
                sent, snapshot.accepted(), snapshot.retried(), snapshot.failed(), acceptedPerSec);
    }

    private synchronized void redraw() {
        LiveCounts.Snapshot snapshot = counts.snapshot();
        long now = nanoTime.getAsLong();
        Duration window = Duration.ofNanos(now - lastNanos);
        double rate = window.isZero() ? 0 : (snapshot.accepted() - lastAccepted) * 1e9 / window.toNanos();
        lastNanos = now;
        lastAccepted = snapshot.accepted();
        err.print("\r" + render(snapshot, total, rate) + CLEAR_TO_END);
        err.flush();
    }

    /** Stops redrawing and clears the line, ready for the summary. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            err.print("\r" + CLEAR_TO_END);
            err.flush();
        }
    }
}

package dev.sensorpipeline.producer.delivery;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The counts of a run in progress, written by the run and read by the progress line from another thread.
 */
public final class LiveCounts {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();

    /**
     * A consistent-enough view for display: each count is exact, though taken at slightly different moments.
     *
     * @param sent     entries sent for the first time
     * @param accepted entries the stream accepted
     * @param retried  entries sent again after a refusal
     * @param failed   entries given up after the last retry
     * @param calls    calls made
     */
    public record Snapshot(long sent, long accepted, long retried, long failed, long calls) {
    }

    public Snapshot snapshot() {
        return new Snapshot(sent.get(), accepted.get(), retried.get(), failed.get(), calls.get());
    }

    void addSent(long n) {
        sent.addAndGet(n);
    }

    void addAccepted(long n) {
        accepted.addAndGet(n);
    }

    void addRetried(long n) {
        retried.addAndGet(n);
    }

    void addFailed(long n) {
        failed.addAndGet(n);
    }

    void addCall() {
        calls.incrementAndGet();
    }
}

package dev.sensorpipeline.local.runner.base;

import java.util.concurrent.atomic.AtomicLong;

/** Counts for the summary line, shared by every shard. */
public final class RunStats {

    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failedInvocations = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();

    public void invoked(boolean failed) {
        invocations.incrementAndGet();
        if (failed) {
            failedInvocations.incrementAndGet();
        }
    }

    /** Records the function took: it returned without naming them as failures. */
    public void acknowledged(int records) {
        acknowledged.addAndGet(records);
    }

    public void discarded(int records) {
        discarded.addAndGet(records);
    }

    public long invocations() {
        return invocations.get();
    }

    public long acknowledged() {
        return acknowledged.get();
    }

    public long failedInvocations() {
        return failedInvocations.get();
    }

    public long discarded() {
        return discarded.get();
    }

    public String summary() {
        return count(invocations(), "invocation") + " (" + failedInvocations() + " failed or partly failed), "
                + count(acknowledged(), "record") + " acknowledged, " + count(discarded(), "record") + " discarded";
    }

    /** "1 record", "2 records". */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

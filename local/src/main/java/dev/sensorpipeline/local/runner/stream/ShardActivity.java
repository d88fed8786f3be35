package dev.sensorpipeline.local.runner.stream;

import java.util.function.LongSupplier;

/** Whether a shard's poller has read everything there is and delivered it, and since when. */
public final class ShardActivity {

    private final LongSupplier nanoTime;
    private volatile boolean caughtUp;
    private volatile long caughtUpSince;
    private volatile boolean finished;

    public ShardActivity(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Records were read: there is work until they are delivered. */
    public void busy() {
        caughtUp = false;
    }

    /** A read found nothing new, with everything before it delivered. */
    public void caughtUp() {
        if (!caughtUp) {
            caughtUpSince = nanoTime.getAsLong();
            caughtUp = true;
        }
    }

    /** The shard is closed and read to its end, or its poller stopped. */
    public void finished() {
        finished = true;
        caughtUp();
    }

    public boolean isCaughtUp() {
        return caughtUp;
    }

    public boolean isFinished() {
        return finished;
    }

    /** Nanoseconds (of the same clock) since the shard last caught up; meaningful only while caught up. */
    public long caughtUpSince() {
        return caughtUpSince;
    }
}

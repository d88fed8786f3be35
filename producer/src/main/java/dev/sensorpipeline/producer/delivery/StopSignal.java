package dev.sensorpipeline.producer.delivery;

import dev.sensorpipeline.model.retry.Sleeper;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to stop, from Ctrl-C or a test. Waits made through {@link #sleep} end as soon as it is raised, so a run
 * in a long backoff stops at once; a call already in flight is left to finish, so its answer is counted.
 */
public final class StopSignal implements Sleeper {

    private final CountDownLatch raised = new CountDownLatch(1);

    /** Asks the run to stop after the call in flight, if any. */
    public void requestStop() {
        raised.countDown();
    }

    public boolean isStopRequested() {
        return raised.getCount() == 0;
    }

    @Override
    public void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            raised.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            // Whoever interrupted us wants the run over: treat it as a stop request.
            Thread.currentThread().interrupt();
            requestStop();
        }
    }
}

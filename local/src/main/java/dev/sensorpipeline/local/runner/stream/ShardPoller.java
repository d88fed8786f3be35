package dev.sensorpipeline.local.runner.stream;

import dev.sensorpipeline.local.runner.delivery.BatchDelivery;
import java.util.function.Predicate;

/**
 * One shard's loop, as the event source mapping runs it with {@code ParallelizationFactor} 1: read a batch, deliver
 * it, and only then read the next. Ends when the shard is closed and read to its end, or when interrupted.
 */
public final class ShardPoller implements ShardSupervisor.Poller {

    /** Marks the shard as read to its end, so that its children may start. */
    @FunctionalInterface
    public interface EndMarker {
        void shardEnded();
    }

    private final ShardInfo shard;
    private final BatchCollector collector;
    private final BatchDelivery delivery;
    private final ShardActivity activity;
    private final Predicate<String> closedShard;
    private final EndMarker endMarker;

    /**
     * @param closedShard whether ListShards, as last read, says the shard is closed: some endpoints (moto) never end
     *                    a closed shard's iterators, so reading it dry is how its end is known there
     */
    public ShardPoller(ShardInfo shard, BatchCollector collector, BatchDelivery delivery, ShardActivity activity,
                       Predicate<String> closedShard, EndMarker endMarker) {
        this.shard = shard;
        this.collector = collector;
        this.delivery = delivery;
        this.activity = activity;
        this.closedShard = closedShard;
        this.endMarker = endMarker;
    }

    @Override
    public String shardId() {
        return shard.shardId();
    }

    @Override
    public ShardActivity activity() {
        return activity;
    }

    /** Runs until the shard ends; throws InterruptedException when stopped. */
    @Override
    public void run() throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            BatchCollector.Batch batch = collector.next();
            if (!batch.records().isEmpty()) {
                delivery.deliver(batch.records());
            } else if (batch.shardEnded() || closedShard.test(shard.shardId())) {
                endMarker.shardEnded();
                activity.finished();
                return;
            }
        }
        throw new InterruptedException();
    }
}

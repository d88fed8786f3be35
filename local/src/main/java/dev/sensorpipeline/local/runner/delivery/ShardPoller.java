package dev.sensorpipeline.local.runner.delivery;

import dev.sensorpipeline.local.runner.stream.BatchCollector;
import dev.sensorpipeline.local.runner.stream.ShardActivity;
import dev.sensorpipeline.local.runner.stream.ShardInfo;
import dev.sensorpipeline.local.runner.stream.ShardSupervisor;
import java.math.BigInteger;
import java.util.function.Function;

/**
 * One shard's loop, as the event source mapping runs it with {@code ParallelizationFactor} 1: read a batch, deliver
 * it, and only then read the next. Ends when the shard is closed and read to its end (GetRecords gives no next
 * iterator), or when interrupted.
 *
 * @param endingSequenceNumber the shard's ending sequence number as ListShards last said, null while open
 */
public record ShardPoller(ShardInfo shard, BatchCollector collector, BatchDelivery delivery, ShardActivity activity,
                          Function<String, String> endingSequenceNumber, EndListener endListener)
        implements ShardSupervisor.Poller {

    /** What the poller tells about its shard's end. */
    public interface EndListener {

        /** The shard is closed and read to its end: its children may be read, and it need never be read again. */
        void ended();

        /**
         * ListShards says the shard is closed and it has been read past its ending sequence number, yet the endpoint
         * still hands out iterators for it (moto does, and even puts new records in closed shards): its children may
         * be read, but it is read on, so that nothing put there is skipped.
         */
        void drained();
    }

    @Override
    public String shardId() {
        return shard.shardId();
    }

    @Override
    public void run() throws InterruptedException {
        boolean drained = false;
        while (!Thread.currentThread().isInterrupted()) {
            BatchCollector.Batch batch = collector.next();
            if (!batch.records().isEmpty()) {
                delivery.deliver(batch.records());
            } else if (batch.shardEnded()) {
                endListener.ended();
                activity.finished();
                return;
            } else if (!drained && readPastTheEnd()) {
                drained = true;
                endListener.drained();
            }
        }
        throw new InterruptedException();
    }

    private boolean readPastTheEnd() {
        String ending = endingSequenceNumber.apply(shard.shardId());
        if (ending == null) {
            return false;
        }
        String last = collector.lastSequenceNumber();
        return last == null || new BigInteger(last).compareTo(new BigInteger(ending)) >= 0;
    }
}

package dev.sensorpipeline.producer.delivery;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A stream that refuses what it is told to, and remembers every call. Shards are picked as Kinesis would in spirit:
 * by the partition key, so a key always lands on the same shard; or, given a shard map, exactly as Kinesis does, by
 * the explicit hash key or the MD5 of the partition key.
 */
final class ScriptedSink implements RecordSink {

    private final BatchLimits limits;
    private final ShardMap routing;
    private final Map<Long, Integer> refusalsLeft = new HashMap<>();
    private final List<List<PutEntry>> calls = new ArrayList<>();
    private final List<PutEntry> accepted = new ArrayList<>();
    private final List<Supplier<SinkFailure>> callFailures = new ArrayList<>();
    private Runnable onCall = () -> { };

    ScriptedSink(BatchLimits limits) {
        this(limits, null);
    }

    /** @param routing the stream's shards, to route each record as Kinesis does */
    ScriptedSink(BatchLimits limits, ShardMap routing) {
        this.limits = limits;
        this.routing = routing;
    }

    /** Refuse the entry at {@code position} the next {@code times} times it comes. */
    ScriptedSink refuse(long position, int times) {
        refusalsLeft.put(position, times);
        return this;
    }

    /** Fail call number {@code call} (from 1) as a whole; later calls are answered normally. */
    ScriptedSink failCall(int call, Supplier<SinkFailure> failure) {
        while (callFailures.size() < call) {
            callFailures.add(null);
        }
        callFailures.set(call - 1, failure);
        return this;
    }

    /** Runs before each call is answered, such as a stop request arriving while the call is in flight. */
    ScriptedSink onCall(Runnable action) {
        onCall = action;
        return this;
    }

    @Override
    public List<EntryResult> put(List<PutEntry> entries) {
        calls.add(List.copyOf(entries));
        onCall.run();
        int call = calls.size();
        if (call <= callFailures.size() && callFailures.get(call - 1) != null) {
            throw callFailures.get(call - 1).get();
        }
        List<EntryResult> results = new ArrayList<>(entries.size());
        for (PutEntry entry : entries) {
            int left = refusalsLeft.getOrDefault(entry.position(), 0);
            if (left > 0) {
                refusalsLeft.put(entry.position(), left - 1);
                results.add(EntryResult.refused("ProvisionedThroughputExceededException", "Rate exceeded"));
            } else {
                accepted.add(entry);
                results.add(EntryResult.accepted(shardOf(entry)));
            }
        }
        return results;
    }

    @Override
    public BatchLimits limits() {
        return limits;
    }

    /** The shard that takes {@code record}. */
    String shardOf(PutEntry record) {
        if (routing == null) {
            return "shardId-00000000000" + Math.floorMod(record.partitionKey().hashCode(), 2);
        }
        BigInteger hashKey = record.explicitHashKey() != null ? new BigInteger(record.explicitHashKey())
                : ShardMap.hashKeyOf(record.partitionKey());
        return routing.shardFor(hashKey).shardId();
    }

    /** The positions of each call's entries, call by call. */
    List<List<Long>> calls() {
        return calls.stream().map(call -> call.stream().map(PutEntry::position).toList()).toList();
    }

    /** The positions accepted, in the order the stream took them. */
    List<Long> accepted() {
        return accepted.stream().map(PutEntry::position).toList();
    }

    /** Each call's entries, call by call. */
    List<List<PutEntry>> entryCalls() {
        return calls;
    }

    /** The entries accepted, in the order the stream took them. */
    List<PutEntry> acceptedEntries() {
        return accepted;
    }
}

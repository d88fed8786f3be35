package dev.sensorpipeline.local.runner.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One shard in memory, read as Kinesis is: iterators are positions, GetRecords returns at most {@code perRead}
 * records, and failures can be scripted for the next reads.
 */
public final class FakeStream implements StreamReader {

    public final List<StreamRecord> records = new ArrayList<>();
    final List<StartPosition> iteratorsAskedFor = new ArrayList<>();
    final Deque<StreamReadException.Kind> nextReadFailures = new ArrayDeque<>();
    final java.util.Map<Integer, StreamReadException.Kind> failAtRead = new java.util.HashMap<>();
    private int reads;
    int perRead = Integer.MAX_VALUE;
    public boolean closed;

    @Override
    public List<ShardInfo> listShards(String streamArn) {
        return List.of(ShardInfo.open("shardId-000000000000"));
    }

    @Override
    public String iterator(String streamArn, String shardId, StartPosition position) {
        iteratorsAskedFor.add(position);
        int index = switch (position.type()) {
            case TRIM_HORIZON -> 0;
            case AFTER_SEQUENCE_NUMBER -> indexOf(position.sequenceNumber()) + 1;
            case AT_SEQUENCE_NUMBER -> indexOf(position.sequenceNumber());
            default -> records.size();
        };
        return Integer.toString(index);
    }

    @Override
    public ReadResult read(String streamArn, String iterator, int limit) {
        reads++;
        StreamReadException.Kind failure = failAtRead.containsKey(reads) ? failAtRead.remove(reads)
                : nextReadFailures.poll();
        if (failure != null) {
            throw new StreamReadException(failure, "scripted " + failure, null);
        }
        int from = Integer.parseInt(iterator);
        int to = Math.min(records.size(), from + Math.min(limit, perRead));
        List<StreamRecord> read = List.copyOf(records.subList(from, to));
        String next = closed && to == records.size() ? null : Integer.toString(to);
        return new ReadResult(read, next, to < records.size() ? 1000 : 0);
    }

    private int indexOf(String sequenceNumber) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no record " + sequenceNumber);
    }
}

package dev.sensorpipeline.producer.output;

import dev.sensorpipeline.model.event.EventRecord;
import dev.sensorpipeline.model.event.KinesisEventWriter;
import dev.sensorpipeline.producer.delivery.BatchLimits;
import dev.sensorpipeline.producer.delivery.EntryResult;
import dev.sensorpipeline.producer.delivery.PutEntry;
import dev.sensorpipeline.producer.delivery.RecordSink;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream that is a Lambda event file: every record of a call is appended to the event and taken by its one shard.
 * Delivered through it, a run writes the records a run at {@code --rate 0} would put, calls of PutRecords' size and
 * all, aggregated or not.
 *
 * <p>What Kinesis would add is made up, deterministically: every record comes from shard 0, sequence numbers are
 * 56-digit decimals increasing by one, and the arrival time is the reading's own time plus a millisecond per
 * reading of the same second.
 */
public final class EventFileSink implements RecordSink {

    public static final String SHARD_ID = "shardId-000000000000";

    /** Real sequence numbers are 56 digits; starting from one that looks like them keeps parsers honest. */
    private static final BigInteger FIRST_SEQUENCE =
            new BigInteger("49656192843950233168434893572049261893760385216734052354");

    private final KinesisEventWriter events;
    private long lastTime = -1;
    private int sameSecond;

    public EventFileSink(KinesisEventWriter events) {
        this.events = events;
    }

    @Override
    public List<EntryResult> put(List<PutEntry> entries) {
        List<EntryResult> results = new ArrayList<>(entries.size());
        for (PutEntry entry : entries) {
            events.write(recordOf(entry));
            results.add(EntryResult.accepted(SHARD_ID));
        }
        return results;
    }

    @Override
    public BatchLimits limits() {
        return BatchLimits.PUT_RECORDS;
    }

    private EventRecord recordOf(PutEntry entry) {
        long time = entry.reading().currentTime();
        sameSecond = time == lastTime ? sameSecond + 1 : 0;
        lastTime = time;
        String sequence = FIRST_SEQUENCE.add(BigInteger.valueOf(events.written())).toString();
        Instant arrival = Instant.ofEpochMilli(Math.addExact(Math.multiplyExact(time, 1000L),
                Math.min(sameSecond, 999)));
        return new EventRecord(SHARD_ID, entry.partitionKey(), sequence, entry.data(), arrival);
    }
}

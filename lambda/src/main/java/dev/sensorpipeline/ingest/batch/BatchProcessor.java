package dev.sensorpipeline.ingest.batch;

import dev.sensorpipeline.ingest.internal.Deadline;
import dev.sensorpipeline.ingest.log.BatchMetrics;
import dev.sensorpipeline.ingest.log.JsonLogger;
import dev.sensorpipeline.ingest.store.BatchWriter;
import dev.sensorpipeline.ingest.store.PendingWrite;
import dev.sensorpipeline.ingest.store.RejectItemMapper;
import dev.sensorpipeline.ingest.store.SensorItemMapper;
import dev.sensorpipeline.ingest.store.WriteResult;
import dev.sensorpipeline.model.DecodeResult;
import dev.sensorpipeline.model.ReadingCodec;
import dev.sensorpipeline.model.ReadingKey;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.model.kpl.Deaggregation;
import dev.sensorpipeline.model.kpl.KplAggregate;
import dev.sensorpipeline.model.kpl.KplAggregateBuilder;
import dev.sensorpipeline.model.kpl.UserRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a batch of Kinesis records into stored readings and reasoned rejects, and says which records are not yet
 * stored. Every record ends in exactly one of three places: {@code SensorData}, the rejects table, or the failures
 * reported to Lambda.
 *
 * <p>A record that starts with the KPL magic bytes is a KPL aggregated record: each of its user records is a reading
 * or a reject (keyed {@code eventID#index}) of its own, and a failed write of any of them reports the aggregate's
 * sequence number, from which Lambda replays the whole aggregate; the readings already stored are put again, which
 * is harmless. An aggregate that does not deaggregate (a bad checksum, say) is one reject, keyed by its eventID.
 */
public final class BatchProcessor {

    private static final JsonLogger LOG = JsonLogger.of(BatchProcessor.class);
    private static final String PRIMING_READING =
            "{\"sensor_id\":\"sensor-1\",\"current_time\":1764400000,\"temperature\":73.2,\"humidity\":41.5}";

    private final ReadingCodec codec;
    private final SensorItemMapper readingMapper;
    private final RejectItemMapper rejectMapper;
    private final BatchWriter writer;
    private final String tableName;
    private final String rejectsTableName;
    private final String functionName;
    private final Clock clock;

    public BatchProcessor(ReadingCodec codec, SensorItemMapper readingMapper, RejectItemMapper rejectMapper,
                          BatchWriter writer, String tableName, String rejectsTableName, String functionName,
                          Clock clock) {
        this.codec = codec;
        this.readingMapper = readingMapper;
        this.rejectMapper = rejectMapper;
        this.writer = writer;
        this.tableName = tableName;
        this.rejectsTableName = rejectsTableName;
        this.functionName = functionName;
        this.clock = clock;
    }

    public BatchReport process(List<SourceRecord> records, Deadline deadline) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Intake intake = new Intake(now, true);
        for (SourceRecord record : records) {
            intake.take(record);
        }

        List<PendingWrite> writes = new ArrayList<>(intake.latestByKey.size() + intake.rejectsByEventId.size());
        for (Candidate candidate : intake.latestByKey.values()) {
            writes.add(new PendingWrite(tableName, readingMapper.toItem(candidate.reading()), candidate.source()));
        }
        writes.addAll(intake.rejectsByEventId.values());
        WriteResult result = writer.writeAll(writes, deadline);
        WriteResult refusedAsRejects = writeRefusedAsRejects(result.refused(), now, deadline);

        // A write of a user record fails its whole aggregated record: Lambda can only resume at a record.
        Set<SourceRecord> failed = Collections.newSetFromMap(new IdentityHashMap<>());
        failed.addAll(intake.failed);
        for (PendingWrite write : result.failed()) {
            failed.add(intake.wholeRecordOf(write.source()));
        }
        for (PendingWrite write : refusedAsRejects.failed()) {
            failed.add(intake.wholeRecordOf(write.source()));
        }
        for (WriteResult.Refused refused : refusedAsRejects.refused()) {
            failed.add(intake.wholeRecordOf(refused.write().source()));
        }

        int storedReadings = countWritten(writes, result, tableName);
        int storedRejects = countWritten(writes, result, rejectsTableName) + refusedAsRejects.written();
        TreeSet<String> failedSequenceNumbers = new TreeSet<>(SequenceNumbers.NUMERIC_ORDER);
        int unreportable = 0;
        for (SourceRecord record : failed) {
            if (record.sequenceNumber() == null) {
                unreportable++;
            } else {
                failedSequenceNumbers.add(record.sequenceNumber());
            }
        }
        BatchMetrics metrics = new BatchMetrics(records.size(), intake.aggregated, intake.readings, storedReadings,
                storedRejects, intake.decoded - intake.latestByKey.size(),
                result.retries() + refusedAsRejects.retries(), result.throttled() + refusedAsRejects.throttled(),
                failedSequenceNumbers.size() + unreportable, (System.nanoTime() - started) / 1_000_000,
                result.itemCollectionLimitExceeded());
        LOG.info("batch processed", metrics.toEmfFields(functionName, clock.instant()));
        return new BatchReport(List.copyOf(failedSequenceNumbers), unreportable, metrics);
    }

    /**
     * Runs the decode and mapping path once on a sample reading, a sample bad record and a sample aggregated record,
     * and the client's write path up to the wire, writing nothing, so that their classes are loaded and initialised
     * before a SnapStart snapshot rather than in the first batch.
     */
    public void prime() {
        byte[] reading = PRIMING_READING.getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'[', ']'};
        Intake intake = new Intake(clock.instant(), false);
        intake.take(new SourceRecord("shardId-000000000000:0", "0", "sensor-1", clock.instant(), null,
                ByteBuffer.wrap(reading)));
        intake.take(new SourceRecord("shardId-000000000000:1", "1", "sensor-1", clock.instant(), null,
                ByteBuffer.wrap(bad)));
        intake.take(new SourceRecord("shardId-000000000000:2", "2", "sensor-1", clock.instant(), null,
                ByteBuffer.wrap(new KplAggregateBuilder().add("sensor-1", reading).add("sensor-1", bad).build())));
        Map<String, AttributeValue> item = Map.of();
        for (Candidate candidate : intake.latestByKey.values()) {
            item = readingMapper.toItem(candidate.reading());
        }
        writer.primeRequestPath(item);
        new BatchMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).toEmfFields(functionName, clock.instant());
    }

    /**
     * A reading DynamoDB itself refused, although it passed every check: it can never be stored, so, like any other
     * invalid record, it goes to the rejects table with DynamoDB's reason.
     */
    private WriteResult writeRefusedAsRejects(List<WriteResult.Refused> refused, Instant now, Deadline deadline) {
        List<PendingWrite> rejects = new ArrayList<>();
        List<WriteResult.Refused> refusedRejects = new ArrayList<>();
        for (WriteResult.Refused item : refused) {
            if (item.write().table().equals(rejectsTableName)) {
                LOG.error("the rejects table refused a reject; its record is reported for Lambda to retry",
                        "sequenceNumber", item.write().source().sequenceNumber(), "error", item.message());
                refusedRejects.add(item);
                continue;
            }
            String reason = "DynamoDB refused the reading: " + item.message();
            logRejected(item.write().source(), reason);
            rejects.add(new PendingWrite(rejectsTableName, rejectMapper.toItem(item.write().source(), reason, now),
                    item.write().source()));
        }
        WriteResult written = writer.writeAll(rejects, deadline);
        List<WriteResult.Refused> allRefused = new ArrayList<>(written.refused());
        allRefused.addAll(refusedRejects);
        return new WriteResult(written.written(), written.failed(), allRefused, written.requests(),
                written.retries(), written.throttled(), written.itemCollectionLimitExceeded());
    }

    private static int countWritten(List<PendingWrite> writes, WriteResult result, String table) {
        long sent = writes.stream().filter(w -> w.table().equals(table)).count();
        long notWritten = result.failed().stream().filter(w -> w.table().equals(table)).count()
                + result.refused().stream().filter(r -> r.write().table().equals(table)).count();
        return (int) (sent - notWritten);
    }

    private static void logRejected(SourceRecord record, String reason) {
        if (record.isUserRecord()) {
            LOG.warn("record rejected", "reason", reason, "eventId", record.eventId(),
                    "sequenceNumber", record.sequenceNumber(), "subSequenceNumber", record.subIndex(),
                    "partitionKey", record.partitionKey(), "bytes", record.dataLength());
        } else {
            LOG.warn("record rejected", "reason", reason, "eventId", record.eventId(),
                    "sequenceNumber", record.sequenceNumber(), "partitionKey", record.partitionKey(),
                    "bytes", record.dataLength());
        }
    }

    /**
     * Of two readings with one key, the later one wins: Kinesis orders a shard by sequence number, and a KPL
     * aggregate keeps its user records in the order they were put.
     */
    private static Candidate later(Candidate first, Candidate second) {
        return laterRecord(first.source(), second.source()) == first.source() ? first : second;
    }

    /** The later of two records by sequence number, then by index in their aggregate; the second on a tie. */
    private static SourceRecord laterRecord(SourceRecord first, SourceRecord second) {
        int order = SequenceNumbers.NUMERIC_ORDER.compare(first.sequenceNumber(), second.sequenceNumber());
        if (order == 0) {
            order = Integer.compare(first.subIndex(), second.subIndex());
        }
        return order > 0 ? first : second;
    }

    private record Candidate(SensorReading reading, SourceRecord source) {
    }

    /**
     * A batch's records sorted as they come: readings by key, keeping the latest; rejects by key; records that could
     * not be handled at all. A KPL aggregated record is opened into its user records here, each one a reading or a
     * reject of its own; an aggregate that cannot be opened is one reject, whole.
     */
    private final class Intake {

        private final Instant now;
        private final boolean logRejects;
        private final Map<ReadingKey, Candidate> latestByKey = new HashMap<>();
        private final Map<String, PendingWrite> rejectsByEventId = new LinkedHashMap<>();
        private final List<SourceRecord> failed = new ArrayList<>();
        private final Map<SourceRecord, SourceRecord> aggregateOf = new IdentityHashMap<>();
        private int aggregated;
        private int readings;
        private int decoded;

        /** @param logRejects whether to log each reject; not while priming, which handles made-up records */
        Intake(Instant now, boolean logRejects) {
            this.now = now;
            this.logRejects = logRejects;
        }

        void take(SourceRecord record) {
            try {
                if (record.data() != null && KplAggregate.isAggregated(record.data())) {
                    aggregated++;
                    takeAggregate(record);
                } else {
                    readings++;
                    takeReading(record);
                }
            } catch (RuntimeException e) {
                LOG.error("record could not be processed; it is reported for Lambda to retry",
                        "sequenceNumber", record.sequenceNumber(), "error", e.toString());
                failed.add(record);
            }
        }

        private void takeAggregate(SourceRecord record) {
            Deaggregation deaggregation = KplAggregate.deaggregate(record.data());
            if (deaggregation instanceof Deaggregation.Corrupt corrupt) {
                reject(record, "aggregated record is corrupt: " + corrupt.reason());
                return;
            }
            List<UserRecord> userRecords = ((Deaggregation.Deaggregated) deaggregation).userRecords();
            for (int i = 0; i < userRecords.size(); i++) {
                UserRecord userRecord = userRecords.get(i);
                SourceRecord source = record.userRecord(i, userRecord.partitionKey(), userRecord.data());
                aggregateOf.put(source, record);
                readings++;
                takeReading(source);
            }
        }

        private void takeReading(SourceRecord source) {
            DecodeResult result = source.data() == null
                    ? new DecodeResult.Rejected("record has no data")
                    : codec.decode(source.data());
            if (result instanceof DecodeResult.Decoded reading) {
                decoded++;
                latestByKey.merge(reading.reading().key(), new Candidate(reading.reading(), source),
                        BatchProcessor::later);
            } else {
                reject(source, ((DecodeResult.Rejected) result).reason());
            }
        }

        private void reject(SourceRecord source, String reason) {
            if (logRejects) {
                logRejected(source, reason);
            }
            PendingWrite reject = new PendingWrite(rejectsTableName, rejectMapper.toItem(source, reason, now), source);
            rejectsByEventId.merge(reject.item().get(RejectItemMapper.EVENT_ID).s(), reject,
                    (first, second) -> laterRecord(first.source(), second.source()) == first.source()
                            ? first : second);
        }

        /** The Kinesis record a write stands for: a user record's aggregate, else the record itself. */
        SourceRecord wholeRecordOf(SourceRecord source) {
            return aggregateOf.getOrDefault(source, source);
        }
    }
}

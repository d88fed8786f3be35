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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns a batch of Kinesis records into stored readings and reasoned rejects, and says which records are not yet
 * stored. Every record ends in exactly one of three places: {@code SensorData}, the rejects table, or the failures
 * reported to Lambda.
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
        Map<ReadingKey, Candidate> latestByKey = new HashMap<>();
        Map<String, PendingWrite> rejectsByEventId = new LinkedHashMap<>();
        List<SourceRecord> failed = new ArrayList<>();
        for (SourceRecord record : records) {
            try {
                DecodeResult result = record.data() == null
                        ? new DecodeResult.Rejected("record has no data")
                        : codec.decode(record.data());
                if (result instanceof DecodeResult.Decoded decoded) {
                    latestByKey.merge(decoded.reading().key(), new Candidate(decoded.reading(), record),
                            BatchProcessor::later);
                } else {
                    String reason = ((DecodeResult.Rejected) result).reason();
                    logRejected(record, reason);
                    PendingWrite reject = new PendingWrite(rejectsTableName, rejectMapper.toItem(record, reason, now),
                            record);
                    rejectsByEventId.merge(reject.item().get(RejectItemMapper.EVENT_ID).s(), reject,
                            (first, second) -> laterRecord(first.source(), second.source()) == first.source()
                                    ? first : second);
                }
            } catch (RuntimeException e) {
                LOG.error("record could not be processed; it is reported for Lambda to retry",
                        "sequenceNumber", record.sequenceNumber(), "error", e.toString());
                failed.add(record);
            }
        }
        int decodedReadings = records.size() - rejectsByEventId.size() - failed.size();
        int duplicates = decodedReadings - latestByKey.size();

        List<PendingWrite> writes = new ArrayList<>(latestByKey.size() + rejectsByEventId.size());
        for (Candidate candidate : latestByKey.values()) {
            writes.add(new PendingWrite(tableName, readingMapper.toItem(candidate.reading()), candidate.source()));
        }
        writes.addAll(rejectsByEventId.values());
        WriteResult result = writer.writeAll(writes, deadline);
        WriteResult refusedAsRejects = writeRefusedAsRejects(result.refused(), now, deadline);

        for (PendingWrite write : result.failed()) {
            failed.add(write.source());
        }
        for (PendingWrite write : refusedAsRejects.failed()) {
            failed.add(write.source());
        }
        for (WriteResult.Refused refused : refusedAsRejects.refused()) {
            failed.add(refused.write().source());
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
        BatchMetrics metrics = new BatchMetrics(records.size(), storedReadings, storedRejects, duplicates,
                result.retries() + refusedAsRejects.retries(), result.throttled() + refusedAsRejects.throttled(),
                failedSequenceNumbers.size() + unreportable, (System.nanoTime() - started) / 1_000_000);
        LOG.info("batch processed", metrics.toEmfFields(functionName, clock.instant()));
        return new BatchReport(List.copyOf(failedSequenceNumbers), unreportable, metrics);
    }

    /**
     * Runs the decode and mapping path once on a sample reading and a sample bad record, writing nothing, so that
     * their classes are loaded and initialised before a SnapStart snapshot rather than in the first batch.
     */
    public void prime() {
        SourceRecord good = new SourceRecord("shardId-000000000000:0", "0", "sensor-1", clock.instant(), null,
                java.nio.ByteBuffer.wrap(PRIMING_READING.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        if (codec.decode(good.data()) instanceof DecodeResult.Decoded decoded) {
            readingMapper.toItem(decoded.reading());
        }
        SourceRecord bad = new SourceRecord("shardId-000000000000:1", "1", "sensor-1", clock.instant(), null,
                java.nio.ByteBuffer.wrap(new byte[] {'[', ']'}));
        if (codec.decode(bad.data()) instanceof DecodeResult.Rejected rejected) {
            rejectMapper.toItem(bad, rejected.reason(), clock.instant());
        }
        new BatchMetrics(0, 0, 0, 0, 0, 0, 0, 0).toEmfFields(functionName, clock.instant());
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
                written.retries(), written.throttled());
    }

    private static int countWritten(List<PendingWrite> writes, WriteResult result, String table) {
        long sent = writes.stream().filter(w -> w.table().equals(table)).count();
        long notWritten = result.failed().stream().filter(w -> w.table().equals(table)).count()
                + result.refused().stream().filter(r -> r.write().table().equals(table)).count();
        return (int) (sent - notWritten);
    }

    private static void logRejected(SourceRecord record, String reason) {
        LOG.warn("record rejected", "reason", reason, "eventId", record.eventId(),
                "sequenceNumber", record.sequenceNumber(), "partitionKey", record.partitionKey(),
                "bytes", record.dataLength());
    }

    /** Of two readings with one key, the later record's wins: Kinesis orders a shard by sequence number. */
    private static Candidate later(Candidate first, Candidate second) {
        return laterRecord(first.source(), second.source()) == first.source() ? first : second;
    }

    private static SourceRecord laterRecord(SourceRecord first, SourceRecord second) {
        return SequenceNumbers.NUMERIC_ORDER.compare(first.sequenceNumber(), second.sequenceNumber()) > 0
                ? first : second;
    }

    private record Candidate(SensorReading reading, SourceRecord source) {
    }
}

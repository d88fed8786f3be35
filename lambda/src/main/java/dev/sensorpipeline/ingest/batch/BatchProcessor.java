package dev.sensorpipeline.ingest.batch;

import dev.sensorpipeline.ingest.internal.Deadline;
import dev.sensorpipeline.ingest.log.BatchMetrics;
import dev.sensorpipeline.model.log.JsonLogger;
import dev.sensorpipeline.model.stream.SequenceNumbers;
import dev.sensorpipeline.ingest.record.SourceRecord;
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
import dev.sensorpipeline.model.kpl.UserRecord;
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

/**
 * Turns a batch of Kinesis records into stored readings and reasoned rejects, and says which records are not yet
 * stored. Every record ends in exactly one of three places: {@code SensorData}, the rejects table, or the failures
 * reported to Lambda.
 *
 * <p>A record that starts with the KPL magic bytes is a KPL aggregated record: each of its user records is a reading
 * or a reject (keyed {@code eventID#index}) of its own, and a failed write of any of them reports the aggregate's
 * sequence number, from which Lambda replays the whole aggregate; the readings already stored are put again, which
 * is harmless. An aggregate that does not deaggregate (a bad checksum, say) is one reject, keyed by its eventID.
 *
 * @param functionName the metrics' dimension
 */
public record BatchProcessor(ReadingCodec codec, SensorItemMapper readingMapper, RejectItemMapper rejectMapper,
                             BatchWriter writer, Tables tables, String functionName, Clock clock) {

    private static final JsonLogger LOG = JsonLogger.of(BatchProcessor.class);

    /**
     * Where the batch goes.
     *
     * @param readings the table of readings, {@code SensorData}
     * @param rejects  the table of rejects, {@code SensorDataRejects}
     */
    public record Tables(String readings, String rejects) {
    }

    public BatchReport process(List<SourceRecord> records, Deadline deadline) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Intake intake = new Intake(now, true);
        records.forEach(intake::take);

        List<PendingWrite> writes = intake.writes();
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

        int storedReadings = countWritten(writes, result, tables.readings());
        int storedRejects = countWritten(writes, result, tables.rejects()) + refusedAsRejects.written();
        TreeSet<String> failedSequenceNumbers = new TreeSet<>(SequenceNumbers.NUMERIC_ORDER);
        int unreportable = 0;
        for (SourceRecord record : failed) {
            if (record.sequenceNumber() == null) {
                unreportable++;
            } else {
                failedSequenceNumbers.add(record.sequenceNumber());
            }
        }
        BatchMetrics metrics = BatchMetrics.builder()
                .records(records.size())
                .aggregated(intake.aggregated)
                .readings(intake.readings)
                .stored(storedReadings)
                .rejected(storedRejects)
                .duplicates(intake.decoded - intake.latestByKey.size())
                .retried(result.retries() + refusedAsRejects.retries())
                .throttled(result.throttled() + refusedAsRejects.throttled())
                .failed(failedSequenceNumbers.size() + unreportable)
                .durationMs((System.nanoTime() - started) / 1_000_000)
                .itemCollectionLimitExceeded(result.itemCollectionLimitExceeded())
                .build();
        LOG.info("batch processed", metrics.toEmfFields(functionName, clock.instant()));
        return new BatchReport(List.copyOf(failedSequenceNumbers), unreportable, metrics);
    }

    /**
     * The writes a batch of these records would make, without writing them or logging a reject: the decode, KPL
     * and mapping path alone, which the SnapStart primer runs on made-up records before a snapshot.
     */
    public List<PendingWrite> plannedWrites(List<SourceRecord> records, Instant now) {
        Intake intake = new Intake(now, false);
        records.forEach(intake::take);
        return intake.writes();
    }

    /**
     * A reading DynamoDB itself refused, although it passed every check: it can never be stored, so, like any other
     * invalid record, it goes to the rejects table with DynamoDB's reason.
     */
    private WriteResult writeRefusedAsRejects(List<WriteResult.Refused> refused, Instant now, Deadline deadline) {
        List<PendingWrite> rejects = new ArrayList<>();
        List<WriteResult.Refused> refusedRejects = new ArrayList<>();
        for (WriteResult.Refused item : refused) {
            if (item.write().table().equals(tables.rejects())) {
                LOG.error("the rejects table refused a reject; its record is reported for Lambda to retry",
                        "sequenceNumber", item.write().source().sequenceNumber(), "error", item.message());
                refusedRejects.add(item);
                continue;
            }
            String reason = "DynamoDB refused the reading: " + item.message();
            logRejected(item.write().source(), reason);
            rejects.add(new PendingWrite(tables.rejects(), rejectMapper.toItem(item.write().source(), reason, now),
                    item.write().source()));
        }
        return writer.writeAll(rejects, deadline).plusRefused(refusedRejects);
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
            PendingWrite reject = new PendingWrite(tables.rejects(), rejectMapper.toItem(source, reason, now), source);
            rejectsByEventId.merge(reject.item().get(RejectItemMapper.EVENT_ID).s(), reject,
                    (first, second) -> laterRecord(first.source(), second.source()) == first.source()
                            ? first : second);
        }

        /** The writes the records sorted so far call for: the latest reading of each key, then the rejects. */
        List<PendingWrite> writes() {
            List<PendingWrite> writes = new ArrayList<>(latestByKey.size() + rejectsByEventId.size());
            for (Candidate candidate : latestByKey.values()) {
                writes.add(new PendingWrite(tables.readings(), readingMapper.toItem(candidate.reading()),
                        candidate.source()));
            }
            writes.addAll(rejectsByEventId.values());
            return writes;
        }

        /** The Kinesis record a write stands for: a user record's aggregate, else the record itself. */
        SourceRecord wholeRecordOf(SourceRecord source) {
            return aggregateOf.getOrDefault(source, source);
        }
    }
}

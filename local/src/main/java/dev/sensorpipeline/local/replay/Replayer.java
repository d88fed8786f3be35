package dev.sensorpipeline.local.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensorpipeline.local.runner.event.KinesisEventBuilder;
import dev.sensorpipeline.local.runner.stream.StreamRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Drives the records of every waiting failure document through the function again. A document whose records are all
 * stored or rejected is marked replayed (moved apart); one with a record still failing, or records the stream no
 * longer holds, stays where it was. All the function's writes are whole-item puts by key, so a replay, and a replay
 * of a replay, stores each reading once.
 */
public record Replayer(FailureStore store, StreamRange stream, ReplayFunction function, Rejects rejects,
                       String region, PrintStream out) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Replays every waiting document, or with {@code dryRun} lists them and changes nothing. */
    public ReplaySummary run(boolean dryRun) {
        List<StoredDocument> pending = store.pending();
        ReplaySummary summary = ReplaySummary.NONE;
        for (int i = 0; i < pending.size(); i++) {
            StoredDocument stored = pending.get(i);
            try {
                summary = summary.plus(replay(stored, dryRun));
            } catch (StoreUnavailableException e) {
                pending.subList(i, pending.size()).forEach(store::release);
                throw e;
            }
        }
        return summary;
    }

    private ReplaySummary replay(StoredDocument stored, boolean dryRun) {
        FailureDocument document;
        Batch batch;
        try {
            document = FailureDocument.parse(stored.id(), store.read(stored));
            batch = batchOf(document);
        } catch (IllegalArgumentException e) {
            out.println("unreadable: " + e.getMessage() + "; left where it is");
            store.release(stored);
            return new ReplaySummary(1, 0, 0, 0, 0, 0, 1);
        }
        if (dryRun) {
            out.println("would replay " + stored.id() + ": " + batch.sequenceNumbers().size() + " records of "
                    + document.shardId() + " (" + document.condition() + ", " + batch.source() + ")"
                    + gone(batch));
            store.release(stored);
            return new ReplaySummary(1, batch.sequenceNumbers().size() + batch.gone(), 0, 0, 0, batch.gone(), 0);
        }
        if (batch.sequenceNumbers().isEmpty()) {
            out.println("cannot replay " + stored.id() + ": none of its " + batch.gone() + " records is in the stream"
                    + " any more; left where it is, for the record");
            store.release(stored);
            return new ReplaySummary(1, batch.gone(), 0, 0, 0, batch.gone(), 0);
        }
        Invocation invocation = function.invoke(batch.event());
        Set<String> failing = invocation.stillFailing(batch.sequenceNumbers());
        List<String> handled = new ArrayList<>();
        for (int i = 0; i < batch.sequenceNumbers().size(); i++) {
            if (!failing.contains(batch.sequenceNumbers().get(i))) {
                handled.add(batch.eventIds().get(i));
            }
        }
        int rejected = handled.isEmpty() ? 0 : rejects.rejected(handled).size();
        int storedCount = handled.size() - rejected;
        ReplaySummary result = new ReplaySummary(1, batch.sequenceNumbers().size() + batch.gone(), storedCount,
                rejected, failing.size(), batch.gone(), 0);
        if (failing.isEmpty() && batch.gone() == 0) {
            store.markReplayed(stored);
            out.println("replayed " + stored.id() + ": " + storedCount + " stored, " + rejected + " rejected;"
                    + " moved under " + S3FailureStore.REPLAYED_PREFIX);
        } else {
            store.release(stored);
            out.println("still failing " + stored.id() + ": " + failing.size() + " of " + batch.sequenceNumbers().size()
                    + " records not stored" + (invocation.functionError() ? " (function error: "
                    + abbreviate(invocation.response()) + ")" : "") + gone(batch)
                    + "; left where it is, replay it again once the cause is fixed");
        }
        return result;
    }

    private static String gone(Batch batch) {
        return batch.gone() == 0 ? "" : "; " + batch.gone() + " records " + batch.goneRange()
                + " are no longer in the stream (past its retention) and cannot be replayed";
    }

    /** The event to invoke: the saved one (S3), or one built from the records read back from the stream. */
    private Batch batchOf(FailureDocument document) {
        Optional<byte[]> payload = document.payload();
        if (payload.isPresent()) {
            Batch saved = Batch.of(payload.get(), "the saved event", 0, "");
            if (saved.sequenceNumbers().isEmpty()) {
                throw new IllegalArgumentException(document.location() + ": its payload holds no Kinesis records");
            }
            return saved;
        }
        List<StreamRecord> records = stream.read(document.streamArn(), document.shardId(),
                document.startSequence(), document.endSequence());
        int gone = Math.max(0, document.batchSize() - records.size());
        String goneRange = "between " + document.startSequence() + " and " + document.endSequence() + " of "
                + document.shardId();
        if (records.isEmpty()) {
            return new Batch(new byte[0], List.of(), List.of(), "read back from the stream", gone, goneRange);
        }
        // The function does not read invokeIdentityArn; Lambda's is the mapping's role, which a replay does not use.
        byte[] event = new KinesisEventBuilder(document.streamArn(), region, "").build(document.shardId(), records);
        return Batch.of(event, "read back from the stream", gone, goneRange);
    }

    private static String abbreviate(String text) {
        String line = text.replace('\n', ' ');
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    /** An event to invoke, with its records' sequence numbers and event ids, in order. */
    private record Batch(byte[] event, List<String> sequenceNumbers, List<String> eventIds, String source, int gone,
                         String goneRange) {

        static Batch of(byte[] event, String source, int gone, String goneRange) {
            List<String> sequenceNumbers = new ArrayList<>();
            List<String> eventIds = new ArrayList<>();
            try {
                JsonNode records = JSON.readTree(event).path("Records");
                for (JsonNode record : records) {
                    sequenceNumbers.add(record.path("kinesis").path("sequenceNumber").asText());
                    eventIds.add(record.path("eventID").asText());
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("its payload is not a JSON event: " + e.getMessage(), e);
            }
            return new Batch(event, sequenceNumbers, eventIds, source, gone, goneRange);
        }
    }
}

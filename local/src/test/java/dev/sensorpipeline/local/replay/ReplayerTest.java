package dev.sensorpipeline.local.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayerTest {

    private static final String STREAM = "arn:aws:kinesis:us-east-1:123456789012:stream/temperature-sensor-data";
    private static final String SHARD = "shardId-000000000000";

    /** A store holding the documents given, recording what a replay does with each. */
    private static final class FakeStore implements FailureStore {

        final List<StoredDocument> documents;
        final List<String> replayed = new ArrayList<>();
        final List<String> released = new ArrayList<>();

        FakeStore(StoredDocument... documents) {
            this.documents = List.of(documents);
        }

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public List<StoredDocument> pending() {
            return new ArrayList<>(documents);
        }

        @Override
        public byte[] read(StoredDocument document) {
            return document.body();
        }

        @Override
        public void markReplayed(StoredDocument document) {
            replayed.add(document.id());
        }

        @Override
        public void release(StoredDocument document) {
            released.add(document.id());
        }
    }

    /** A function answering every invocation alike, counting them. */
    private static final class FakeFunction implements ReplayFunction {

        private final Invocation answer;
        int invocations;

        FakeFunction(Invocation answer) {
            this.answer = answer;
        }

        @Override
        public String describe() {
            return "fake function";
        }

        @Override
        public Invocation invoke(byte[] event) {
            invocations++;
            return answer;
        }
    }

    private static final Rejects NONE_REJECTED = eventIds -> Set.of();
    private static final Invocation ALL_STORED = new Invocation(false, "{\"batchItemFailures\":[]}");

    private static StoredDocument document(String id, long firstSequence, int records) {
        String[] readings = new String[records];
        for (int i = 0; i < records; i++) {
            readings[i] = "{\"sensor_id\":\"s\",\"current_time\":" + i + ",\"temperature\":1}";
        }
        return new StoredDocument(id, null, OnFailureDocuments.s3(STREAM, SHARD,
                OnFailureDocuments.readings(firstSequence, readings), true));
    }

    private static Replayer replayer(FailureStore store, ReplayFunction function, Rejects rejects) {
        return new Replayer(store, null, function, rejects, "us-east-1",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void run_marksADocumentReplayed_whenTheFunctionStoresOrRejectsEveryRecord() {
        // given
        FakeStore store = new FakeStore(document("a", 1, 3));
        Rejects secondRejected = eventIds -> Set.of(SHARD + ":2");

        // when
        ReplaySummary summary = replayer(store, new FakeFunction(ALL_STORED), secondRejected).run(false);

        // then
        assertThat(store.replayed).containsExactly("a");
        assertThat(summary).isEqualTo(new ReplaySummary(1, 3, 2, 1, 0, 0, 0));
    }

    @Test
    void run_leavesADocumentWhereItWas_whenTheFunctionReportsARecordFailedAgain() {
        // given
        FakeStore store = new FakeStore(document("a", 1, 3));
        Invocation oneFailed = new Invocation(false, "{\"batchItemFailures\":[{\"itemIdentifier\":\"3\"}]}");

        // when
        ReplaySummary summary = replayer(store, new FakeFunction(oneFailed), NONE_REJECTED).run(false);

        // then
        assertThat(store.replayed).isEmpty();
        assertThat(store.released).containsExactly("a");
        assertThat(summary).isEqualTo(new ReplaySummary(1, 3, 2, 0, 1, 0, 0));
    }

    @Test
    void run_invokesNothingAndMovesNothing_onADryRun() {
        // given
        FakeStore store = new FakeStore(document("a", 1, 2), document("b", 3, 1));
        FakeFunction function = new FakeFunction(ALL_STORED);

        // when
        ReplaySummary summary = replayer(store, function, NONE_REJECTED).run(true);

        // then
        assertThat(function.invocations).isZero();
        assertThat(store.replayed).isEmpty();
        assertThat(summary.line(true)).isEqualTo("replay (dry run, nothing changed): 2 documents, 3 records to replay");
    }

    @Test
    void run_countsADocumentThatIsNotKinesisAsUnreadable_andGoesOnWithTheOthers() {
        // given
        FakeStore store = new FakeStore(new StoredDocument("junk", null, "{}".getBytes(StandardCharsets.UTF_8)),
                document("a", 1, 1));

        // when
        ReplaySummary summary = replayer(store, new FakeFunction(ALL_STORED), NONE_REJECTED).run(false);

        // then
        assertThat(store.replayed).containsExactly("a");
        assertThat(summary.unreadable()).isEqualTo(1);
        assertThat(summary.complete()).isFalse();
    }
}

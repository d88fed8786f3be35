package dev.sensorpipeline.local.runner.delivery;

import static dev.sensorpipeline.local.runner.stream.Records.FIRST_ARRIVAL;
import static dev.sensorpipeline.local.runner.stream.Records.numbered;
import static dev.sensorpipeline.local.runner.stream.Records.sequenceNumbers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensorpipeline.local.runner.base.Console;
import dev.sensorpipeline.local.runner.base.RunStats;
import dev.sensorpipeline.local.runner.event.KinesisEventBuilder;
import dev.sensorpipeline.local.runner.failure.FailedBatch;
import dev.sensorpipeline.local.runner.failure.FailureDeliveryException;
import dev.sensorpipeline.local.runner.filter.FilterCriteria;
import dev.sensorpipeline.local.runner.function.FunctionInvoker;
import dev.sensorpipeline.local.runner.function.FunctionResult;
import dev.sensorpipeline.local.runner.function.InvocationResult;
import dev.sensorpipeline.local.runner.stream.StreamRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BatchDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FunctionResult OK = new FunctionResult.Response("{\"batchItemFailures\":[]}".getBytes());

    /** A function scripted by the sequence numbers it is given; it remembers each invocation's. */
    private static final class ScriptedFunction implements FunctionInvoker {
        final List<List<String>> invocations = new ArrayList<>();
        private final Function<List<String>, FunctionResult> script;

        ScriptedFunction(Function<List<String>, FunctionResult> script) {
            this.script = script;
        }

        @Override
        public InvocationResult invoke(byte[] event) {
            List<String> sequenceNumbers = new ArrayList<>();
            try {
                for (JsonNode record : JSON.readTree(event).get("Records")) {
                    sequenceNumbers.add(record.at("/kinesis/sequenceNumber").asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            invocations.add(sequenceNumbers);
            return new InvocationResult("request-" + invocations.size(), "$LATEST", script.apply(sequenceNumbers));
        }

        @Override
        public void close() {
        }
    }

    /** The shard's checkpoints and discards, in order; the first {@code refusals} discards fail to deliver. */
    private static final class RecordedProgress implements ShardProgress {
        final List<String> events = new ArrayList<>();
        final List<FailedBatch> discarded = new ArrayList<>();
        int refusals;

        @Override
        public void checkpoint(String sequenceNumber) {
            events.add("checkpoint " + sequenceNumber);
        }

        @Override
        public void discard(FailedBatch batch) {
            String event = "discard " + String.join(",", sequenceNumbers(batch.records())) + " "
                    + batch.condition() + " after " + batch.approximateInvokeCount();
            if (refusals > 0) {
                refusals--;
                events.add(event + " refused");
                throw new FailureDeliveryException("NoSuchBucket (The specified bucket does not exist)", null);
            }
            events.add(event);
            discarded.add(batch);
        }
    }

    private final RecordedProgress progress = new RecordedProgress();
    private final List<Duration> waits = new ArrayList<>();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(output, true), new PrintStream(output, true));

    private BatchDelivery delivery(FunctionInvoker function, RetryPolicy policy, Duration maximumAge, Clock clock) {
        return new BatchDelivery("shardId-000000000000", function,
                new KinesisEventBuilder("arn:aws:kinesis:us-east-1:123456789012:stream/s", "us-east-1",
                        "arn:aws:iam::123456789012:role/r"),
                new BatchDelivery.Settings(new ResponseInterpreter(true), policy, BatchDelivery.DEFAULT_BACKOFF,
                        maximumAge),
                progress, new RunStats(), console, waits::add, clock);
    }

    private BatchDelivery delivery(FunctionInvoker function, RetryPolicy policy) {
        return delivery(function, policy, null, Clock.systemUTC());
    }

    /** Kinesis records whose data is {"n": SEQ}, and a mapping that lets through the even ones only. */
    private BatchDelivery filteredDelivery(FunctionInvoker function) {
        return new BatchDelivery("shardId-000000000000", function,
                new KinesisEventBuilder("arn:aws:kinesis:us-east-1:123456789012:stream/s", "us-east-1",
                        "arn:aws:iam::123456789012:role/r"),
                new BatchDelivery.Settings(new ResponseInterpreter(true), new RetryPolicy(false, 3),
                        BatchDelivery.DEFAULT_BACKOFF, null, FilterCriteria.of(List.of(
                        "{\"data\": {\"even\": [true]}}"))),
                progress, new RunStats(), console, waits::add, Clock.systemUTC());
    }

    private static List<StreamRecord> evenOrOdd(int from, int count) {
        List<StreamRecord> records = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            records.add(new StreamRecord(Integer.toString(i), "k", ("{\"even\": " + (i % 2 == 0) + "}")
                    .getBytes(StandardCharsets.UTF_8), FIRST_ARRIVAL));
        }
        return records;
    }

    @Test
    void deliver_sendsOnlyTheRecordsTheFilterCriteriaLetThrough_andCheckpointsTheDroppedOnesToo() throws Exception {
        // given: 1..5, of which 2 and 4 pass
        ScriptedFunction function = new ScriptedFunction(batch -> OK);

        // when
        filteredDelivery(function).deliver(evenOrOdd(1, 5));

        // then
        assertThat(function.invocations).containsExactly(List.of("2", "4"));
        assertThat(progress.events).containsExactly("checkpoint 4", "checkpoint 5");
    }

    @Test
    void deliver_invokesNothing_whenTheFilterCriteriaDropTheWholeBatch_andCheckpointsPastIt() throws Exception {
        // given: only odd records
        ScriptedFunction function = new ScriptedFunction(batch -> OK);

        // when
        filteredDelivery(function).deliver(List.of(evenOrOdd(1, 1).get(0), evenOrOdd(3, 1).get(0)));

        // then
        assertThat(function.invocations).isEmpty();
        assertThat(progress.events).containsExactly("checkpoint 3");
    }

    @Test
    void deliver_retriesFromTheReportedFailure_amongTheRecordsThatPassed() throws Exception {
        // given: 2, 4, 6 pass; the function fails 4 once
        ScriptedFunction function = new ScriptedFunction(batch -> batch.get(0).equals("2") ? failures("4") : OK);

        // when
        filteredDelivery(function).deliver(evenOrOdd(1, 6));

        // then
        assertThat(function.invocations).containsExactly(List.of("2", "4", "6"), List.of("4", "6"));
        assertThat(progress.events).containsExactly("checkpoint 2", "checkpoint 6");
    }

    private static FunctionResult failures(String... sequenceNumbers) {
        StringBuilder json = new StringBuilder("{\"batchItemFailures\":[");
        for (int i = 0; i < sequenceNumbers.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"itemIdentifier\":\"").append(sequenceNumbers[i]).append("\"}");
        }
        return new FunctionResult.Response(json.append("]}").toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void deliver_resendsFromTheLowestReportedFailure_untilEveryRecordIsTaken() throws Exception {
        // given
        ScriptedFunction function = new ScriptedFunction(batch -> batch.get(0).equals("1") ? failures("5", "3") : OK);

        // when
        delivery(function, new RetryPolicy(true, 10)).deliver(numbered(1, 5));

        // then
        assertThat(function.invocations).containsExactly(List.of("1", "2", "3", "4", "5"), List.of("3", "4", "5"));
        assertThat(progress.events).containsExactly("checkpoint 2", "checkpoint 5");
        assertThat(waits).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void deliver_isolatesARecordTheFunctionThrowsOn_byBisecting_inOrder_andDiscardsItLoudlyWhenRetriesRunOut()
            throws Exception {
        // given
        ScriptedFunction function = new ScriptedFunction(batch -> batch.contains("6")
                ? new FunctionResult.Error("java.lang.IllegalStateException", "poison") : OK);

        // when
        delivery(function, new RetryPolicy(true, 2)).deliver(numbered(1, 8));

        // then
        assertThat(function.invocations).containsExactly(
                List.of("1", "2", "3", "4", "5", "6", "7", "8"),
                List.of("1", "2", "3", "4"),
                List.of("5", "6", "7", "8"),
                List.of("5", "6"),
                List.of("5"),
                List.of("6"), List.of("6"), List.of("6"),
                List.of("7", "8"));
        assertThat(progress.events).containsExactly("checkpoint 4", "checkpoint 5",
                "discard 6 RetryAttemptsExhausted after 3", "checkpoint 6", "checkpoint 8");
        assertThat(waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("bisecting it into 4 + 4 records");
    }

    @Test
    void deliver_retriesTheWholeBatch_whenBisectIsOff() throws Exception {
        // given
        int[] calls = {0};
        ScriptedFunction function = new ScriptedFunction(batch -> ++calls[0] < 3
                ? new FunctionResult.Error("Sandbox.Timedout", "Task timed out after 3.00 seconds") : OK);

        // when
        delivery(function, new RetryPolicy(false, 10)).deliver(numbered(1, 3));

        // then
        assertThat(function.invocations).hasSize(3).allSatisfy(batch -> assertThat(batch).hasSize(3));
        assertThat(progress.events).containsExactly("checkpoint 3");
    }

    @Test
    void deliver_discardsRecordsOlderThanTheMaximumAge_loudly_andSendsTheRest() throws Exception {
        // given
        ScriptedFunction function = new ScriptedFunction(batch -> OK);
        Clock now = Clock.fixed(FIRST_ARRIVAL.plusSeconds(65), ZoneOffset.UTC);

        // when
        delivery(function, new RetryPolicy(true, 10), Duration.ofSeconds(62), now).deliver(numbered(1, 5));

        // then
        assertThat(function.invocations).containsExactly(List.of("3", "4", "5"));
        assertThat(progress.events).containsExactly("discard 1,2 RecordAgeExceeded after 0", "checkpoint 5");
    }

    @Test
    void deliver_keepsDeliveringTheDocumentOfDiscardedRecords_andMovesPastThemOnlyOnceDelivered() throws Exception {
        // given: the destination refuses the first two deliveries
        progress.refusals = 2;
        ScriptedFunction function = new ScriptedFunction(batch -> batch.contains("2")
                ? new FunctionResult.Error("java.lang.IllegalStateException", "poison") : OK);

        // when
        delivery(function, new RetryPolicy(false, 0)).deliver(numbered(1, 2));

        // then
        assertThat(progress.events).containsExactly("discard 1,2 RetryAttemptsExhausted after 1 refused",
                "discard 1,2 RetryAttemptsExhausted after 1 refused", "discard 1,2 RetryAttemptsExhausted after 1",
                "checkpoint 2");
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("cannot deliver the on-failure document of"
                + " 2 records, sequence numbers 1..2 of shardId-000000000000 (NoSuchBucket (The specified bucket does"
                + " not exist)); not moving past them, trying again in 1000 ms");
    }

    @Test
    void deliver_givesTheDestinationTheLastInvocationAndTheEventOfExactlyTheDiscardedRecords() throws Exception {
        // given: the records from 3 on keep failing
        ScriptedFunction function = new ScriptedFunction(batch -> batch.contains("3") ? failures("3") : OK);

        // when
        delivery(function, new RetryPolicy(true, 1)).deliver(numbered(1, 4));

        // then
        assertThat(progress.discarded).singleElement().satisfies(batch -> {
            assertThat(sequenceNumbers(batch.records())).containsExactly("3", "4");
            assertThat(batch.lastInvocation().requestId()).isEqualTo("request-2");
            assertThat(batch.lastInvocation().functionError()).isFalse();
            assertThat(JSON.readTree(batch.event()).findValuesAsText("sequenceNumber")).containsExactly("3", "4");
        });
    }
}

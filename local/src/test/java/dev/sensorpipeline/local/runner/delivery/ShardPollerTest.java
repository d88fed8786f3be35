package dev.sensorpipeline.local.runner.delivery;

import static dev.sensorpipeline.local.runner.stream.Records.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensorpipeline.local.runner.base.Console;
import dev.sensorpipeline.local.runner.base.RunStats;
import dev.sensorpipeline.local.runner.event.KinesisEventBuilder;
import dev.sensorpipeline.local.runner.failure.FailedBatch;
import dev.sensorpipeline.local.runner.function.FunctionInvoker;
import dev.sensorpipeline.local.runner.function.FunctionResult;
import dev.sensorpipeline.local.runner.function.InvocationResult;
import dev.sensorpipeline.local.runner.stream.BatchCollector;
import dev.sensorpipeline.local.runner.stream.FakeStream;
import dev.sensorpipeline.local.runner.stream.Records;
import dev.sensorpipeline.local.runner.stream.ShardActivity;
import dev.sensorpipeline.local.runner.stream.ShardInfo;
import dev.sensorpipeline.local.runner.stream.StartPosition;
import dev.sensorpipeline.model.retry.Sleeper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardPollerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHARD = "shardId-000000000000";

    private final FakeStream stream = new FakeStream();
    private final List<String> delivered = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final Console console = new Console(new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream()));
    private String stopAfter;

    /** Takes every record, and stops the poller (as the runner does, by interrupting) after {@code stopAfter}. */
    private final FunctionInvoker function = new FunctionInvoker() {
        @Override
        public InvocationResult invoke(byte[] event) {
            try {
                for (JsonNode record : JSON.readTree(event).get("Records")) {
                    String sequenceNumber = record.at("/kinesis/sequenceNumber").asText();
                    delivered.add(sequenceNumber);
                    if (sequenceNumber.equals(stopAfter)) {
                        Thread.currentThread().interrupt();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new InvocationResult("request", "$LATEST", new FunctionResult.Response("{}".getBytes()));
        }

        @Override
        public void close() {
        }
    };

    private ShardPoller poller(String endingSequenceNumber, Runnable onDrained) {
        Sleeper stopWhenInterrupted = duration -> {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        };
        ShardActivity activity = new ShardActivity(System::nanoTime);
        BatchCollector collector = new BatchCollector(stream, "arn", SHARD, StartPosition.trimHorizon(),
                new BatchCollector.Settings(100, Duration.ZERO, Duration.ofMillis(1), 1 << 20,
                        KinesisEventBuilder::estimatedSize), activity, console,
                stopWhenInterrupted, System::nanoTime);
        BatchDelivery delivery = new BatchDelivery(SHARD, function, new KinesisEventBuilder("arn", "us-east-1", "role"),
                new BatchDelivery.Settings(new ResponseInterpreter(true), new RetryPolicy(true, 1),
                        BatchDelivery.DEFAULT_BACKOFF, null),
                new ShardProgress() {
                    @Override
                    public void checkpoint(String sequenceNumber) {
                        events.add("checkpoint " + sequenceNumber);
                    }

                    @Override
                    public void discard(FailedBatch batch) {
                        events.add("discard");
                    }
                }, new RunStats(), console, stopWhenInterrupted, Clock.systemUTC());
        return new ShardPoller(ShardInfo.open(SHARD), collector, delivery, activity, id -> endingSequenceNumber,
                new ShardPoller.EndListener() {
                    @Override
                    public void ended() {
                        events.add("ended");
                    }

                    @Override
                    public void drained() {
                        events.add("drained");
                        onDrained.run();
                    }
                });
    }

    @Test
    void run_deliversEveryRecord_thenEnds_whenTheClosedShardGivesNoNextIterator() throws Exception {
        // given
        stream.records.addAll(numbered(1, 3));
        stream.closed = true;

        // when
        poller("3", () -> { }).run();

        // then
        assertThat(delivered).containsExactly("1", "2", "3");
        assertThat(events).containsExactly("checkpoint 3", "ended");
    }

    @Test
    void run_letsTheChildrenBeRead_yetReadsOn_whenAClosedShardStillHandsOutIterators() {
        // given: moto's closed shards keep their iterators, and even take new records
        stream.records.addAll(numbered(1, 3));
        stopAfter = "4";

        // when
        assertThatThrownBy(() -> poller("3", () -> stream.records.add(Records.record(4))).run())
                .isInstanceOf(InterruptedException.class);

        // then
        assertThat(delivered).containsExactly("1", "2", "3", "4");
        assertThat(events).containsExactly("checkpoint 3", "drained", "checkpoint 4");
    }
}

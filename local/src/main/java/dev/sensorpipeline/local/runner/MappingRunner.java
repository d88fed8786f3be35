package dev.sensorpipeline.local.runner;

import dev.sensorpipeline.local.runner.base.Console;
import dev.sensorpipeline.local.runner.base.RunStats;
import dev.sensorpipeline.local.runner.base.SetupException;
import dev.sensorpipeline.local.runner.config.EventSourceMapping;
import dev.sensorpipeline.local.runner.config.FunctionConfiguration;
import dev.sensorpipeline.local.runner.delivery.BatchDelivery;
import dev.sensorpipeline.local.runner.delivery.ResponseInterpreter;
import dev.sensorpipeline.local.runner.delivery.RetryPolicy;
import dev.sensorpipeline.local.runner.delivery.ShardPoller;
import dev.sensorpipeline.local.runner.delivery.ShardProgress;
import dev.sensorpipeline.local.runner.event.DynamodbEventBuilder;
import dev.sensorpipeline.local.runner.event.EventBuilder;
import dev.sensorpipeline.local.runner.event.KinesisEventBuilder;
import dev.sensorpipeline.local.runner.failure.Destinations;
import dev.sensorpipeline.local.runner.failure.DiscardedRecords;
import dev.sensorpipeline.local.runner.failure.FailedBatch;
import dev.sensorpipeline.local.runner.filter.FilterCriteria;
import dev.sensorpipeline.local.runner.function.FunctionInvoker;
import dev.sensorpipeline.local.runner.state.Checkpoint;
import dev.sensorpipeline.local.runner.state.CheckpointStore;
import dev.sensorpipeline.local.runner.state.StateDirectory;
import dev.sensorpipeline.local.runner.stream.BatchCollector;
import dev.sensorpipeline.local.runner.stream.ShardActivity;
import dev.sensorpipeline.local.runner.stream.ShardInfo;
import dev.sensorpipeline.local.runner.stream.ShardSupervisor;
import dev.sensorpipeline.local.runner.stream.StartPosition;
import dev.sensorpipeline.local.runner.stream.StreamReadException;
import dev.sensorpipeline.local.runner.stream.StreamReader;
import dev.sensorpipeline.model.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** One event source mapping at work: a poller per shard of its stream, each delivering to the function. */
final class MappingRunner {

    /** LastModified further than this in the future is not a creation time to trust. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final EventSourceMapping mapping;
    private final StreamReader reader;
    private final FunctionInvoker invoker;
    private final EventBuilder events;
    private final CheckpointStore checkpoints;
    private final DiscardedRecords discards;
    private final Duration pollInterval;
    private final RunStats stats;
    private final Console console;
    private final Clock clock;
    private final ShardSupervisor supervisor;
    private final StartPosition initialPosition;
    private final FilterCriteria filter;

    MappingRunner(EventSourceMapping mapping, FunctionConfiguration function, String region, StreamReader reader,
                  FunctionInvoker invoker, StateDirectory state, Destinations destinations, Duration pollInterval,
                  RunStats stats, Console console, Clock clock, Consumer<Throwable> onFatal) {
        this.mapping = mapping;
        this.reader = reader;
        this.invoker = invoker;
        this.events = mapping.isDynamodbStream()
                ? new DynamodbEventBuilder(mapping.eventSourceArn(), region)
                : new KinesisEventBuilder(mapping.eventSourceArn(), region, function.role());
        this.checkpoints = new CheckpointStore(state.shardCheckpoints(mapping.uuid()), clock);
        this.discards = new DiscardedRecords(destinations.forMapping(mapping.uuid(), mapping.onFailureDestination(),
                mapping.functionArn(), mapping.eventSourceArn(), state.discardFile(mapping.uuid())), console);
        this.pollInterval = pollInterval;
        this.stats = stats;
        this.console = console;
        this.clock = clock;
        this.initialPosition = initialPosition();
        try {
            this.filter = FilterCriteria.of(mapping.filterPatterns());
        } catch (IllegalArgumentException e) {
            throw new SetupException("mapping " + mapping.uuid() + ": " + e.getMessage());
        }
        this.supervisor = new ShardSupervisor(mapping.eventSourceArn(), reader, this::poller,
                shardId -> checkpoints.load(shardId).map(Checkpoint::shardEnded).orElse(false), console, onFatal);
    }

    /** Lists the shards and starts reading them. */
    void start() {
        console.info("event source mapping " + mapping.describe());
        mapping.ignoredSettings().forEach(setting -> console.warn("mapping " + mapping.uuid()
                + ": the runner does not apply " + setting));
        console.info("shards without a checkpoint start at " + initialPosition + "; checkpoints in "
                + checkpoints.directory());
        if (mapping.onFailureDestination() == null) {
            console.warn("mapping " + mapping.uuid() + " has no OnFailure destination: Lambda would drop the records"
                    + " it gives up on; the runner lists them in " + discards.destination().describe());
        } else {
            console.info("records given up on go to the OnFailure destination " + mapping.onFailureDestination());
        }
        try {
            supervisor.refresh();
        } catch (StreamReadException e) {
            throw new SetupException("cannot list the shards of " + mapping.eventSourceArn() + ": " + e.getMessage(),
                    e);
        }
    }

    void refreshShards() {
        supervisor.refreshQuietly();
    }

    List<ShardActivity> activities() {
        return supervisor.activities();
    }

    void stop() throws InterruptedException {
        supervisor.stop();
    }

    /** Where each shard is, for the summary. */
    String positions() {
        StringBuilder text = new StringBuilder();
        for (String shardId : supervisor.shardIds()) {
            Optional<Checkpoint> checkpoint = checkpoints.load(shardId);
            text.append(text.isEmpty() ? "" : ", ").append(shardId).append(' ')
                    .append(checkpoint.map(c -> (c.shardEnded() ? "ended at " : "done up to ")
                            + c.sequenceNumber()).orElse("not started"));
        }
        return text.toString();
    }

    /**
     * {@code LATEST} counts from when the mapping was created, as in Lambda, where the mapping starts reading then:
     * records put between {@code create-event-source-mapping} and the runner's start are read. The endpoint's
     * {@code LastModified} stands for the creation time; if it lies in the future (moto computes it in its own time
     * zone), the runner reads from the start of the stream rather than skip anything.
     */
    private StartPosition initialPosition() {
        if (mapping.isDynamodbStream()) {
            return tableStreamPosition();
        }
        switch (mapping.startingPosition()) {
            case "TRIM_HORIZON":
                return StartPosition.trimHorizon();
            case "AT_TIMESTAMP":
                return StartPosition.atTimestamp(mapping.startingPositionTimestamp());
            default:
                if (mapping.lastModified().isAfter(clock.instant().plus(CLOCK_SKEW))) {
                    console.warn("mapping " + mapping.uuid() + ": LastModified " + mapping.lastModified()
                            + " is in the future (is the endpoint's time zone UTC?); reading from TRIM_HORIZON so that"
                            + " no record is skipped");
                    return StartPosition.trimHorizon();
                }
                return StartPosition.atTimestamp(mapping.lastModified());
        }
    }

    /**
     * A table's stream has no AT_TIMESTAMP iterator (Lambda takes TRIM_HORIZON or LATEST for it): LATEST is the
     * stream's end when the runner first reads a shard, and the checkpoint holds from there.
     */
    private StartPosition tableStreamPosition() {
        if ("TRIM_HORIZON".equals(mapping.startingPosition())) {
            return StartPosition.trimHorizon();
        }
        if (!"LATEST".equals(mapping.startingPosition())) {
            throw new SetupException("mapping " + mapping.uuid() + " starts a table's stream at "
                    + mapping.startingPosition() + ": DynamoDB Streams mappings take TRIM_HORIZON or LATEST");
        }
        return StartPosition.latest();
    }

    private ShardPoller poller(ShardInfo shard) {
        String shardId = shard.shardId();
        StartPosition start = checkpoints.load(shardId)
                .filter(c -> c.sequenceNumber() != null)
                .map(c -> StartPosition.afterSequenceNumber(c.sequenceNumber()))
                .orElse(shard.parents().isEmpty() ? initialPosition : StartPosition.trimHorizon());
        console.info(shardId + ": starting at " + start);
        ShardActivity activity = new ShardActivity(System::nanoTime);
        BatchCollector collector = new BatchCollector(reader, mapping.eventSourceArn(), shardId, start,
                new BatchCollector.Settings(mapping.batchSize(), mapping.maximumBatchingWindow(), pollInterval,
                        EventBuilder.MAX_EVENT_BYTES, events::estimatedBytes),
                activity, console, Sleeper.SYSTEM, System::nanoTime);
        BatchDelivery delivery = new BatchDelivery(shardId, invoker, events,
                new BatchDelivery.Settings(new ResponseInterpreter(mapping.reportBatchItemFailures()),
                        new RetryPolicy(mapping.bisectBatchOnFunctionError(), mapping.maximumRetryAttempts()),
                        BatchDelivery.DEFAULT_BACKOFF, mapping.maximumRecordAge(), filter),
                progress(shardId), stats, console, Sleeper.SYSTEM, clock);
        return new ShardPoller(shard, collector, delivery, activity, supervisor::endingSequenceNumber,
                new ShardPoller.EndListener() {
                    @Override
                    public void ended() {
                        checkpoints.markEnded(shardId, checkpoints.load(shardId).map(Checkpoint::sequenceNumber)
                                .orElse(null));
                    }

                    @Override
                    public void drained() {
                        supervisor.drained(shardId);
                    }
                });
    }

    private ShardProgress progress(String shardId) {
        return new ShardProgress() {
            @Override
            public void checkpoint(String sequenceNumber) {
                checkpoints.save(shardId, sequenceNumber);
            }

            @Override
            public void discard(FailedBatch batch) {
                discards.discard(batch);
            }
        };
    }
}

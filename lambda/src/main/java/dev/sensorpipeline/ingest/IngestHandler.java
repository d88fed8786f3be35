package dev.sensorpipeline.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.sensorpipeline.ingest.batch.BatchProcessor;
import dev.sensorpipeline.ingest.batch.BatchReport;
import dev.sensorpipeline.ingest.batch.SourceRecord;
import dev.sensorpipeline.ingest.config.IngestConfig;
import dev.sensorpipeline.ingest.internal.BackgroundStart;
import dev.sensorpipeline.ingest.internal.Deadline;
import java.time.Duration;
import org.crac.Core;
import org.crac.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Lambda entry point: a Kinesis batch in, the records not yet stored out, as {@code batchItemFailures}.
 *
 * <p>Built once per container, so the DynamoDB client and its connections are reused by every invocation. The
 * event source mapping must enable {@code ReportBatchItemFailures}; Lambda then resumes the shard at the lowest
 * sequence number reported, and since every write is an idempotent put, replayed records do no harm.
 */
public final class IngestHandler implements RequestHandler<KinesisEvent, StreamsEventResponse>, Resource {

    /** Used when the handler is called without a context, outside Lambda. */
    private static final Duration DEFAULT_REMAINING_TIME = Duration.ofMinutes(1);

    private final BackgroundStart<BatchProcessor> processor;
    private final Duration deadlineMargin;

    /**
     * Reads the settings, failing naming the setting when one is bad; then wires real clients and checks the tables,
     * on another thread on an on-demand container (see {@link IngestConfig#buildInBackground()}).
     */
    public IngestHandler() {
        this(IngestConfig.fromEnvironment(System.getenv()));
        // With SnapStart, Lambda snapshots the container after this constructor; the hooks prime it first.
        Core.getGlobalContext().register(this);
    }

    private IngestHandler(IngestConfig config) {
        this(config, IngestFunction::build);
    }

    IngestHandler(IngestConfig config, Function<IngestConfig, IngestFunction> wiring) {
        this(config.buildInBackground()
                        ? BackgroundStart.begin("ingest-start", () -> wiring.apply(config).processor())
                        : BackgroundStart.now(() -> wiring.apply(config).processor()),
                config.deadlineMargin());
    }

    IngestHandler(IngestFunction function) {
        this(function.processor(), function.config().deadlineMargin());
    }

    IngestHandler(BatchProcessor processor, Duration deadlineMargin) {
        this(BackgroundStart.ready(processor), deadlineMargin);
    }

    private IngestHandler(BackgroundStart<BatchProcessor> processor, Duration deadlineMargin) {
        this.processor = processor;
        this.deadlineMargin = deadlineMargin;
    }

    /**
     * Before a SnapStart snapshot: loads the decode and mapping path and the client's write path up to the wire,
     * writing nothing; the start-up table check has already made a request.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        processor.get().prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to renew: the credentials come from the restored environment and the writer retries a
        // connection that went stale while the snapshot was stored.
    }

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        Duration remaining = context == null
                ? DEFAULT_REMAINING_TIME
                : Duration.ofMillis(context.getRemainingTimeInMillis());
        Deadline deadline = Deadline.in(remaining, deadlineMargin);
        BatchReport report = processor.get().process(sourceRecords(event), deadline);
        if (report.unreportableFailures() > 0) {
            // Without sequence numbers only a replay of the whole batch can bring the failed records back.
            throw new IllegalStateException(report.unreportableFailures()
                    + " records without a sequence number could not be stored; retry the batch");
        }
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (String sequenceNumber : report.failedSequenceNumbers()) {
            failures.add(StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(sequenceNumber).build());
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    private static List<SourceRecord> sourceRecords(KinesisEvent event) {
        if (event == null || event.getRecords() == null) {
            return List.of();
        }
        List<SourceRecord> records = new ArrayList<>(event.getRecords().size());
        for (KinesisEvent.KinesisEventRecord eventRecord : event.getRecords()) {
            KinesisEvent.Record kinesis = eventRecord.getKinesis();
            records.add(new SourceRecord(
                    eventRecord.getEventID(),
                    kinesis == null ? null : kinesis.getSequenceNumber(),
                    kinesis == null ? null : kinesis.getPartitionKey(),
                    kinesis == null || kinesis.getApproximateArrivalTimestamp() == null
                            ? null : kinesis.getApproximateArrivalTimestamp().toInstant(),
                    eventRecord.getEventSourceARN(),
                    kinesis == null ? null : kinesis.getData()));
        }
        return records;
    }
}

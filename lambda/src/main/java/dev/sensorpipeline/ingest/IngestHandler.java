package dev.sensorpipeline.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.sensorpipeline.ingest.batch.BatchReport;
import dev.sensorpipeline.ingest.config.IngestConfig;
import dev.sensorpipeline.ingest.internal.BackgroundStart;
import dev.sensorpipeline.ingest.internal.Deadline;
import dev.sensorpipeline.ingest.record.SourceRecord;
import dev.sensorpipeline.model.stream.SequenceNumbers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.crac.Core;
import org.crac.Resource;

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

    private final BackgroundStart<IngestFunction> function;
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
                        ? BackgroundStart.begin("ingest-start", () -> wiring.apply(config))
                        : BackgroundStart.now(() -> wiring.apply(config)),
                config.deadlineMargin());
    }

    IngestHandler(IngestFunction function) {
        this(BackgroundStart.ready(function), function.config().deadlineMargin());
    }

    private IngestHandler(BackgroundStart<IngestFunction> function, Duration deadlineMargin) {
        this.function = function;
        this.deadlineMargin = deadlineMargin;
    }

    /** Before a SnapStart snapshot: {@link SnapStartPrimer} loads the function's paths, writing nothing. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        function.get().primer().prime();
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
        BatchReport report = function.get().processor().process(sourceRecords(event), deadline);
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (String sequenceNumber : SequenceNumbers.toReport(report.failedSequenceNumbers(),
                report.unreportableFailures(), "stored")) {
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

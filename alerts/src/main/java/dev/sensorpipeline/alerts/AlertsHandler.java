package dev.sensorpipeline.alerts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.sensorpipeline.alerts.batch.BatchReport;
import dev.sensorpipeline.alerts.record.StreamRecords;
import dev.sensorpipeline.model.stream.SequenceNumbers;
import java.util.ArrayList;
import java.util.List;
import org.crac.Core;
import org.crac.Resource;

/**
 * The {@code sensor-alerts} function: a batch of SensorData's stream in, the records to retry out, as
 * {@code batchItemFailures} keyed by {@code dynamodb.SequenceNumber} (the mapping must enable
 * {@code ReportBatchItemFailures}; Lambda resumes the shard at the lowest one reported).
 *
 * <p>Built once per container: the settings are read and the clients built in the constructor, and every
 * invocation reuses them. A bad setting fails the start-up with a message naming it.
 */
public final class AlertsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse>, Resource {

    private final AlertsFunction function;

    /** Reads the settings and wires real clients; registers the SnapStart hooks. */
    public AlertsHandler() {
        this(AlertsFunction.fromEnvironment(System.getenv()));
        // With SnapStart, Lambda snapshots the container after this constructor; the hooks prime it first.
        Core.getGlobalContext().register(this);
    }

    AlertsHandler(AlertsFunction function) {
        this.function = function;
    }

    /** Before a SnapStart snapshot: {@link AlertsPrimer} loads the function's paths, writing nothing. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        function.primer().prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to renew: credentials come from the restored environment, and the SDK retries a connection that
        // went stale while the snapshot was stored; the overrides cache expires by its TTL.
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        BatchReport report = function.processor().process(StreamRecords.of(event));
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (String sequenceNumber : SequenceNumbers.toReport(report.failedSequenceNumbers(),
                report.unreportableFailures(), "processed")) {
            failures.add(StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(sequenceNumber).build());
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }
}

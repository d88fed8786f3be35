package dev.sensorpipeline.producer;

import dev.sensorpipeline.producer.delivery.Aggregation;
import dev.sensorpipeline.producer.delivery.Delivery;
import dev.sensorpipeline.producer.delivery.DeliveryPolicy;
import dev.sensorpipeline.producer.delivery.DeliveryReport;
import dev.sensorpipeline.producer.delivery.LiveCounts;
import dev.sensorpipeline.producer.delivery.SinkFailure;
import dev.sensorpipeline.producer.fleet.FleetSpec;
import dev.sensorpipeline.cli.AwsConfigurationException;
import dev.sensorpipeline.cli.AwsSettings;
import dev.sensorpipeline.cli.SdkClients;
import dev.sensorpipeline.producer.kinesis.OpenShards;
import dev.sensorpipeline.producer.kinesis.PutRecordsSink;
import dev.sensorpipeline.producer.kinesis.StreamCheck;
import dev.sensorpipeline.producer.kinesis.StreamTarget;
import dev.sensorpipeline.producer.output.ProgressLine;
import dev.sensorpipeline.producer.output.Summary;
import java.io.PrintWriter;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The run itself: the readings to the stream with PutRecords, paced, retried, aggregated when asked, with a live
 * progress line and a summary; the exit code says what became of them.
 */
final class StreamRun implements RunMode {

    private final ProducerOptions options;
    private final Dependencies dependencies;
    private final PrintWriter err;

    StreamRun(RunContext context) {
        this.options = context.options();
        this.dependencies = context.dependencies();
        this.err = context.err();
    }

    @Override
    public ExitCode run(EntrySource entries, FleetSpec fleet) {
        String stream = options.stream();
        StreamTarget target = new StreamTarget(stream, settings().region(), describeEndpoint());
        try (KinesisClient client = dependencies.connector().connect(
                settings())) {
            target = new StreamTarget(stream, client.serviceClientConfiguration().region().id(), target.endpoint());
            int openShards = StreamCheck.openShards(client, target);
            StreamTarget listed = target;
            Aggregation aggregation = options.aggregate() ? new Aggregation(options.aggregateMaxBytes(),
                    OpenShards.list(client, listed), () -> OpenShards.list(client, listed)) : null;
            double pace = options.rate() != null ? options.rate() : fleet.readingsPerSecond();
            LiveCounts counts = new LiveCounts();
            Delivery delivery = Delivery.to(new PutRecordsSink(client, target),
                    new DeliveryPolicy(options.maxRetries(), dependencies.backoff(), pace))
                    .sleeper(dependencies.stop()).nanoTime(dependencies.nanoTime()).jitter(dependencies.jitter())
                    .stopRequested(dependencies.stop()::isStopRequested).counts(counts).aggregation(aggregation)
                    .build();
            DeliveryReport report;
            try (ProgressLine ignored = showProgress()
                    ? new ProgressLine(err, counts, entries.limit(), dependencies.nanoTime()) : null) {
                report = delivery.deliver(entries);
            }
            err.println(Summary.of(report, new Summary.Facts(stream, openShards, "PutRecords", options.maxRetries(),
                    fleet.seed(), options.aggregate())));
            return exitCode(report);
        } catch (AwsConfigurationException e) {
            err.println(ProducerCommand.NAME + ": " + e.getMessage());
            return ExitCode.AWS;
        }
    }

    private static ExitCode exitCode(DeliveryReport report) {
        return switch (report.outcome()) {
            case COMPLETE -> report.notDelivered() == 0 ? ExitCode.OK : ExitCode.NOT_DELIVERED;
            case STOPPED -> ExitCode.INTERRUPTED;
            case FAILED -> report.failure().kind() == SinkFailure.Kind.CONFIGURATION
                    ? ExitCode.AWS : ExitCode.NOT_DELIVERED;
        };
    }

    private boolean showProgress() {
        ProducerOptions.When progress = options.progress();
        return progress == ProducerOptions.When.ALWAYS
                || (progress == ProducerOptions.When.AUTO && dependencies.terminal());
    }

    /** The endpoint as the user set it, for messages; {@code null} for AWS's own. */
    private String describeEndpoint() {
        return SdkClients.endpoint(settings(), dependencies.environment()::get, "AWS_ENDPOINT_URL_KINESIS");
    }

    private AwsSettings settings() {
        return options.aws();
    }
}

package dev.sensorpipeline.producer;

import dev.sensorpipeline.model.event.EventSource;
import dev.sensorpipeline.model.event.KinesisEventWriter;
import dev.sensorpipeline.producer.delivery.Aggregation;
import dev.sensorpipeline.producer.delivery.Delivery;
import dev.sensorpipeline.producer.delivery.DeliveryPolicy;
import dev.sensorpipeline.producer.delivery.DeliveryReport;
import dev.sensorpipeline.producer.fleet.FleetSpec;
import dev.sensorpipeline.producer.output.EventFileSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --events-out}: writes the event file through a delivery to a sink that is the file, at {@code --rate 0}, so
 * the file holds the records such a run puts, in calls of PutRecords' size, aggregated or not. With
 * {@code --dry-run} the readings are printed too, as they are taken.
 */
final class EventFileRun implements RunMode {

    /** A Kinesis event source hands a function at most this many records at once. */
    static final int MAX_EVENT_RECORDS = 10_000;

    private final RunContext context;

    EventFileRun(RunContext context) {
        this.context = context;
    }

    @Override
    public ExitCode run(EntrySource entries, FleetSpec fleet) {
        ProducerOptions options = context.options();
        Dependencies dependencies = context.dependencies();
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        Path eventsOut = options.eventsOut();
        PrintingSource source = new PrintingSource(entries, options.dryRun() ? out : null);
        DeliveryReport report;
        long records;
        try (KinesisEventWriter events = KinesisEventWriter.pretty(new BufferedOutputStream(
                Files.newOutputStream(eventsOut)), EventSource.example(options.regionForEvents(), options.stream()))) {
            Aggregation aggregation = options.aggregate()
                    ? Aggregation.oneShard(options.aggregateMaxBytes(), EventFileSink.SHARD_ID) : null;
            Delivery delivery = Delivery.to(new EventFileSink(events), new DeliveryPolicy(0, dependencies.backoff(), 0))
                    .sleeper(dependencies.stop()).nanoTime(dependencies.nanoTime()).jitter(dependencies.jitter())
                    .stopRequested(dependencies.stop()::isStopRequested).aggregation(aggregation).build();
            report = delivery.deliver(source);
            records = events.written();
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
            err.println(ProducerCommand.NAME + ": cannot write --events-out " + eventsOut + ": " + cause.getMessage());
            return ExitCode.NOT_DELIVERED;
        }
        out.flush();
        boolean stopped = dependencies.stop().isStopRequested() && entries.hasNext();
        err.println(LocalRunSummary.of(options, report.accepted(), fleet, stopped || source.outputClosed(), records));
        if (records > MAX_EVENT_RECORDS) {
            err.println(ProducerCommand.NAME + ": note: " + records + " records in one event; a Kinesis event source "
                    + "hands a function at most " + MAX_EVENT_RECORDS + " at once");
        }
        return stopped ? ExitCode.INTERRUPTED : ExitCode.OK;
    }
}

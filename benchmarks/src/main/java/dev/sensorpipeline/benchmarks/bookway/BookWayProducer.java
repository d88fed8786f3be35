package dev.sensorpipeline.benchmarks.bookway;

import dev.sensorpipeline.model.ReadingCodec;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.producer.PartitionKeyMode;
import dev.sensorpipeline.producer.delivery.Delivery;
import dev.sensorpipeline.producer.delivery.DeliveryPolicy;
import dev.sensorpipeline.producer.delivery.DeliveryReport;
import dev.sensorpipeline.producer.delivery.PutEntry;
import dev.sensorpipeline.producer.fleet.Fleet;
import dev.sensorpipeline.producer.fleet.FleetSpec;
import dev.sensorpipeline.cli.AwsConfigurationException;
import dev.sensorpipeline.cli.AwsSettings;
import dev.sensorpipeline.producer.kinesis.DefaultKinesisConnector;
import dev.sensorpipeline.producer.kinesis.KinesisConnector;
import dev.sensorpipeline.producer.kinesis.StreamCheck;
import dev.sensorpipeline.producer.kinesis.StreamTarget;
import dev.sensorpipeline.producer.output.Summary;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The producer benchmark's baseline, the book's way: the producer's fleet and delivery (same readings, same retries,
 * same summary line), but one PutRecord call per reading, every reading under the book's key {@code sensor-data}.
 * Kept here, not in the shipped producer, since nobody should send this way; {@code scripts/bench-producer.sh}
 * runs it next to the producer.
 */
@Command(name = "book-way-producer", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Puts a fleet's readings one PutRecord call each, under the key 'sensor-data': the baseline "
                + "of scripts/bench-producer.sh. The endpoint, region and credentials come as for the aws CLI.")
public final class BookWayProducer implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_NOT_DELIVERED = 1;
    static final int EXIT_AWS = 3;

    @Spec
    private CommandSpec spec;

    @Option(names = "--stream", paramLabel = "NAME", defaultValue = "${env:STREAM_NAME:-temperature-sensor-data}",
            description = "The stream (default: STREAM_NAME, else temperature-sensor-data).")
    private String stream;

    @Option(names = {"-n", "--sensors"}, paramLabel = "N", defaultValue = "10",
            description = "Sensors in the fleet (default: ${DEFAULT-VALUE}).")
    private int sensors;

    @Option(names = {"-c", "--count"}, paramLabel = "N", required = true, description = "Readings to send.")
    private long count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "7",
            description = "Fixes every value (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--start-time", paramLabel = "UNIX_SECONDS", defaultValue = "1764374400",
            description = "The fleet's simulated start (default: ${DEFAULT-VALUE}).")
    private long startTime;

    @Option(names = {"-r", "--rate"}, paramLabel = "PER_SECOND", defaultValue = "0",
            description = "Readings per second; 0 for as fast as the stream takes them (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--max-retries", paramLabel = "N", defaultValue = "10",
            description = "Times a refused reading is sent again (default: ${DEFAULT-VALUE}).")
    private int maxRetries;

    private final KinesisConnector connector;

    public BookWayProducer() {
        this(new DefaultKinesisConnector());
    }

    BookWayProducer(KinesisConnector connector) {
        this.connector = connector;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BookWayProducer()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (KinesisClient client = connector.connect(AwsSettings.fromEnvironment())) {
            StreamTarget target = new StreamTarget(stream, client.serviceClientConfiguration().region().id(), null);
            int openShards = StreamCheck.openShards(client, target);
            Delivery delivery = Delivery.to(new PutRecordSink(client, target),
                    new DeliveryPolicy(maxRetries, DeliveryPolicy.DEFAULT_BACKOFF, rate)).build();
            DeliveryReport report = delivery.deliver(entries());
            err.println(Summary.of(report, new Summary.Facts(stream, openShards, "PutRecord", maxRetries, seed)));
            return report.notDelivered() == 0 ? EXIT_OK : EXIT_NOT_DELIVERED;
        } catch (AwsConfigurationException e) {
            err.println("book-way-producer: " + e.getMessage());
            return EXIT_AWS;
        } finally {
            err.flush();
        }
    }

    /** The fleet's first {@code count} readings, each its own entry under the book's constant key. */
    private Iterator<PutEntry> entries() {
        Fleet fleet = new Fleet(new FleetSpec(sensors, "sensor-", 1, false, seed, startTime));
        ReadingCodec codec = new ReadingCodec();
        return new Iterator<>() {
            private long position;

            @Override
            public boolean hasNext() {
                return position < count;
            }

            @Override
            public PutEntry next() {
                SensorReading reading = fleet.next();
                return new PutEntry(position++, reading, PartitionKeyMode.BOOK_KEY, codec.encode(reading));
            }
        };
    }
}

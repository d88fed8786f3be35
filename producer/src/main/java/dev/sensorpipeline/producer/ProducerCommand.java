package dev.sensorpipeline.producer;

import dev.sensorpipeline.model.ReadingCodec;
import dev.sensorpipeline.model.ReadingLimits;
import dev.sensorpipeline.model.event.EventSource;
import dev.sensorpipeline.model.event.KinesisEventWriter;
import dev.sensorpipeline.producer.delivery.Aggregation;
import dev.sensorpipeline.producer.delivery.BatchLimits;
import dev.sensorpipeline.producer.delivery.Delivery;
import dev.sensorpipeline.producer.delivery.DeliveryPolicy;
import dev.sensorpipeline.producer.delivery.DeliveryReport;
import dev.sensorpipeline.producer.delivery.LiveCounts;
import dev.sensorpipeline.producer.delivery.PayloadUnits;
import dev.sensorpipeline.producer.delivery.PutEntry;
import dev.sensorpipeline.producer.delivery.RecordSink;
import dev.sensorpipeline.producer.delivery.SinkFailure;
import dev.sensorpipeline.producer.fleet.Fleet;
import dev.sensorpipeline.producer.fleet.FleetSpec;
import dev.sensorpipeline.producer.kinesis.AwsConfigurationException;
import dev.sensorpipeline.producer.kinesis.AwsSettings;
import dev.sensorpipeline.producer.kinesis.DefaultKinesisConnector;
import dev.sensorpipeline.producer.kinesis.OpenShards;
import dev.sensorpipeline.producer.kinesis.PutRecordsSink;
import dev.sensorpipeline.producer.kinesis.StreamCheck;
import dev.sensorpipeline.producer.kinesis.StreamTarget;
import dev.sensorpipeline.producer.output.EventFileSink;
import dev.sensorpipeline.producer.output.ProgressLine;
import dev.sensorpipeline.producer.output.Summary;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The mock sensor fleet: simulates sensors and writes their readings to a Kinesis stream with PutRecords, as fast
 * as asked and without losing one silently; or prints them, or writes them as a Lambda test event.
 */
@Command(name = "sensor-producer", mixinStandardHelpOptions = true, sortOptions = false,
        version = "sensor-producer 0.1.0",
        exitCodeOnExecutionException = ProducerCommand.EXIT_INTERNAL,
        description = {
            "Simulates a fleet of temperature sensors and writes their readings to a Kinesis stream with "
                    + "PutRecords (up to 500 readings a call), partitioned by sensor.",
            "Refused entries are retried with capped exponential backoff and full jitter. The same --seed and "
                    + "--start-time give the same readings, sent or printed.",
            "With --aggregate, the readings of a call are packed into KPL aggregated records, many readings a "
                    + "record, each on the shard its sensor's key picks: past a shard's 1,000 records a second.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every reading was delivered (or printed, or written)",
            "1:some readings were not delivered: refused after --max-retries, or a call failed; the summary "
                    + "says how many",
            "2:bad arguments",
            "3:the stream does not exist, or the AWS configuration (region, credentials, endpoint) is missing "
                    + "or refused",
            "70:internal error: a bug, please report it with the stack trace",
            "130:interrupted (Ctrl-C): the summary says what Kinesis accepted and what it did not"},
        footerHeading = "%nConfiguration:%n",
        footer = {
            "Like the aws CLI: AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_KINESIS) for a local endpoint, "
                    + "AWS_REGION or AWS_DEFAULT_REGION, AWS_PROFILE, and the default credentials chain "
                    + "(environment, ~/.aws, container and instance roles).",
            "The producer speaks JSON to Kinesis, not CBOR (set CBOR_ENABLED=true to change that).",
            "A summary line goes to stderr at the end of every run; a live progress line too, on a terminal.",
            "",
            "Examples:",
            "  sensor-producer -n 13 -c 5000 --seed 7 --start-time 1764374400 --rate 0",
            "  sensor-producer -n 3 -c 6 --seed 7 --start-time 2025-11-29T00:00:00Z --dry-run",
            "  sensor-producer -c 100 --humidity --events-out test-payloads/fleet.json",
            "  sensor-producer -n 5000 -i 5 --aggregate"})
public final class ProducerCommand implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_NOT_DELIVERED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_AWS = 3;
    static final int EXIT_INTERNAL = 70;
    static final int EXIT_INTERRUPTED = 130;

    static final String NAME = "sensor-producer";
    static final String DEFAULT_STREAM = "temperature-sensor-data";
    /** A Kinesis event source hands a function at most this many records at once. */
    static final int MAX_EVENT_RECORDS = 10_000;
    private static final int MAX_SENSORS = 1_000_000;
    /** One PUT payload unit: a record costs the same up to here, and aggregation already fills a shard's bytes. */
    static final int DEFAULT_AGGREGATE_BYTES = PayloadUnits.UNIT_BYTES;
    /** Room for a dozen readings: below it aggregation saves little. */
    static final int MIN_AGGREGATE_BYTES = 1024;
    /** Long enough for a call in flight to end, at worst by timing out, and the summary to be written. */
    private static final Duration CTRL_C_GRACE = DefaultKinesisConnector.CALL_TIMEOUT.plusSeconds(5);

    /** When to draw the live progress line. */
    enum When { AUTO, ALWAYS, NEVER }

    @Spec
    private CommandSpec spec;

    @Option(names = {"-n", "--sensors"}, paramLabel = "N", defaultValue = "10",
            description = "Sensors in the fleet (default: ${DEFAULT-VALUE}).")
    private int sensors;

    @Option(names = "--sensor-prefix", paramLabel = "PREFIX", defaultValue = "sensor-",
            description = "Sensor ids are PREFIX1..PREFIXN (default: ${DEFAULT-VALUE}).")
    private String sensorPrefix;

    @Option(names = {"-i", "--interval"}, paramLabel = "SECONDS", defaultValue = "1",
            description = "Fleet seconds between two readings of a sensor (default: ${DEFAULT-VALUE}).")
    private long interval;

    @Option(names = "--humidity", description = "Readings carry relative humidity too.")
    private boolean humidity;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Amount amount;

    /** How many readings: a count or a span of fleet time, not both. */
    static final class Amount {
        @Option(names = {"-c", "--count"}, paramLabel = "N", required = true,
                description = "Total readings to send, then stop (default: run until Ctrl-C).")
        Long count;

        @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", required = true,
                converter = OptionConverters.FleetDuration.class,
                description = "Fleet time to cover, such as 90s, 15m, 2h, 1d: every sensor's readings of that "
                        + "span. At the default rate it is also how long the run takes.")
        Duration duration;
    }

    @Option(names = {"-r", "--rate"}, paramLabel = "PER_SECOND",
            description = "Readings per second; 0 for as fast as the stream takes them (default: the fleet's own "
                    + "pace, N/interval).")
    private Double rate;

    @Option(names = "--seed", paramLabel = "S",
            description = "Fixes every value (default: a random seed, shown in the summary).")
    private Long seed;

    @Option(names = "--start-time", paramLabel = "T", converter = OptionConverters.StartTime.class,
            description = "Run on simulated time from T, Unix seconds or ISO-8601 (default: the wall clock at "
                    + "start). With --seed, the same arguments give the same readings, every time.")
    private Long startTime;

    @Option(names = "--partition-key", paramLabel = "MODE", converter = OptionConverters.KeyMode.class,
            description = "sensor: the sensor id, a sensor's readings in order on one shard; random: a random "
                    + "key per reading; constant: the book's 'sensor-data', one shard for all (default: sensor).")
    private PartitionKeyMode partitionKey;

    @Option(names = "--max-retries", paramLabel = "N", defaultValue = "10",
            description = "Times a refused reading is sent again before it counts as not delivered "
                    + "(default: ${DEFAULT-VALUE}).")
    private int maxRetries;

    @Option(names = "--aggregate",
            description = "Pack readings into KPL aggregated records, the Kinesis Producer Library's format, one open "
                    + "record per shard: every reading still goes to the shard its partition key picks. The function "
                    + "and other KPL readers (the KCL) deaggregate them. Needs kinesis:ListShards.")
    private boolean aggregate;

    @Option(names = "--aggregate-max-bytes", paramLabel = "N",
            description = "With --aggregate: the largest aggregated record, data and partition key, from "
                    + MIN_AGGREGATE_BYTES + " to " + BatchLimits.MAX_RECORD_BYTES + " (default: "
                    + DEFAULT_AGGREGATE_BYTES + ", one PUT payload unit).")
    private Integer aggregateMaxBytes;

    @Option(names = "--dry-run",
            description = "Print the readings as JSON lines on stdout instead of sending them.")
    private boolean dryRun;

    @Option(names = "--events-out", paramLabel = "FILE",
            description = "Write the readings as a Lambda Kinesis event (the format of test-payloads/) instead of "
                    + "sending them; with --aggregate, the aggregated records.")
    private Path eventsOut;

    @Option(names = "--stream", paramLabel = "NAME", defaultValue = "${env:STREAM_NAME:-" + DEFAULT_STREAM + "}",
            description = "The stream (default: STREAM_NAME, else " + DEFAULT_STREAM + ").")
    private String stream;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "${env:AWS_REGION:-${env:AWS_DEFAULT_REGION}}",
            description = "The region (default: AWS_REGION, else AWS_DEFAULT_REGION, else the profile's).")
    private String region;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "A named profile of ~/.aws/config (default: AWS_PROFILE, else default).")
    private String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Kinesis endpoint, such as http://127.0.0.1:5000 (default: AWS_ENDPOINT_URL_KINESIS, "
                    + "AWS_ENDPOINT_URL, the profile's endpoint_url, else AWS).")
    private URI endpointUrl;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            converter = OptionConverters.WhenConverter.class,
            description = "Live progress on stderr: auto (when a terminal), always, never (default: ${DEFAULT-VALUE}).")
    private When progress;

    private final Dependencies dependencies;

    public ProducerCommand() {
        this(Dependencies.system());
    }

    ProducerCommand(Dependencies dependencies) {
        this.dependencies = dependencies;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new ProducerCommand()).execute(args));
    }

    /**
     * The command, set up as main runs it. Picocli's default answer to a bad argument is the whole help, which buries
     * the one line that matters; this one says what is wrong and where the help is.
     */
    static CommandLine commandLine(ProducerCommand command) {
        return new CommandLine(command).setParameterExceptionHandler(ProducerCommand::badArguments);
    }

    private static int badArguments(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String message = e.getMessage().startsWith("Error: ") ? e.getMessage().substring(7) : e.getMessage();
        err.println(NAME + ": " + message);
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + NAME + " --help' for the options and exit codes.");
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public Integer call() {
        validate();
        long fleetSeed = seed != null ? seed : dependencies.seeds().getAsLong();
        long fleetStart = startTime != null ? startTime : dependencies.wallClock().instant().getEpochSecond();
        FleetSpec fleet = new FleetSpec(sensors, sensorPrefix, interval, humidity, fleetSeed, fleetStart);
        long limit = limit(fleet);
        PartitionKeyMode keyMode = partitionKey != null ? partitionKey : PartitionKeyMode.SENSOR;
        EntrySource entries = new EntrySource(new Fleet(fleet), new ReadingCodec(), keyMode, limit);
        CountDownLatch finished = new CountDownLatch(1);
        Thread ctrlC = dependencies.handleCtrlC() ? onCtrlC(finished) : null;
        try {
            if (eventsOut != null) {
                return writeEvents(entries, fleet);
            }
            return dryRun ? print(entries, fleet) : send(entries, fleet, limit);
        } finally {
            err().flush();
            out().flush();
            finished.countDown();
            removeHook(ctrlC);
        }
    }

    private void validate() {
        if (sensors < 1 || sensors > MAX_SENSORS) {
            throw usage("--sensors must be from 1 to " + MAX_SENSORS + ", not " + sensors);
        }
        if (interval < 1) {
            throw usage("--interval must be at least 1 second (readings carry whole seconds), not " + interval);
        }
        if (amount != null && amount.count != null && amount.count < 1) {
            throw usage("--count must be at least 1, not " + amount.count);
        }
        if (amount != null && amount.duration != null && amount.duration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw usage("--duration must be at least 1 second, not " + amount.duration);
        }
        if (rate != null && (!(rate >= 0) || rate.isInfinite())) {
            throw usage("--rate must be a number of readings per second, 0 or more (0: as fast as possible), not "
                    + rate);
        }
        if (maxRetries < 0) {
            throw usage("--max-retries must be 0 or more, not " + maxRetries);
        }
        if (startTime != null && startTime < 0) {
            throw usage("--start-time must be 0 or later, not " + startTime);
        }
        if (stream == null || stream.isBlank()) {
            throw usage("--stream must name a stream (STREAM_NAME is set but empty)");
        }
        validateSensorIds();
        validateAggregation();
        if (eventsOut != null) {
            Path parent = eventsOut.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw usage("--events-out " + eventsOut + ": folder " + parent + " does not exist");
            }
        }
    }

    private void validateSensorIds() {
        String longest = sensorPrefix + sensors;
        int bytes = longest.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ReadingLimits.MAX_SENSOR_ID_BYTES) {
            throw usage("--sensor-prefix makes ids of " + bytes + " bytes; the table's key takes at most "
                    + ReadingLimits.MAX_SENSOR_ID_BYTES);
        }
        boolean keyedBySensor = partitionKey == null || partitionKey == PartitionKeyMode.SENSOR;
        int chars = longest.codePointCount(0, longest.length());
        if (keyedBySensor && chars > PutEntry.MAX_PARTITION_KEY_CHARS) {
            throw usage("--sensor-prefix makes ids of " + chars + " characters, too long for a partition key ("
                    + PutEntry.MAX_PARTITION_KEY_CHARS + " at most); shorten it or use --partition-key random");
        }
    }

    private void validateAggregation() {
        if (aggregateMaxBytes != null && !aggregate) {
            throw usage("--aggregate-max-bytes needs --aggregate");
        }
        if (aggregateMaxBytes != null
                && (aggregateMaxBytes < MIN_AGGREGATE_BYTES || aggregateMaxBytes > BatchLimits.MAX_RECORD_BYTES)) {
            throw usage("--aggregate-max-bytes must be from " + MIN_AGGREGATE_BYTES + " to "
                    + BatchLimits.MAX_RECORD_BYTES + " (Kinesis's record limit, partition key included), not "
                    + aggregateMaxBytes);
        }
    }

    private int aggregateMaxBytes() {
        return aggregateMaxBytes != null ? aggregateMaxBytes : DEFAULT_AGGREGATE_BYTES;
    }

    private long limit(FleetSpec fleet) {
        if (amount == null) {
            return Long.MAX_VALUE;
        }
        if (amount.count != null) {
            return amount.count;
        }
        long seconds = amount.duration.getSeconds() + (amount.duration.getNano() > 0 ? 1 : 0);
        return fleet.readingsIn(seconds);
    }

    private int print(EntrySource entries, FleetSpec fleet) {
        PrintingSource printing = new PrintingSource(entries, out());
        long printed = 0;
        while (printing.hasNext() && !dependencies.stop().isStopRequested()) {
            printing.next();
            printed++;
        }
        out().flush();
        boolean stopped = dependencies.stop().isStopRequested() && entries.hasNext();
        err().println(localSummary(printed, fleet, stopped || printing.outputClosed(), 0));
        return stopped ? EXIT_INTERRUPTED : EXIT_OK;
    }

    /**
     * Writes the event file through a delivery to a sink that is the file, at {@code --rate 0}: so the file holds the
     * records such a run puts, in calls of PutRecords' size, aggregated or not. With {@code --dry-run} the readings
     * are printed too, as they are taken.
     */
    private int writeEvents(EntrySource entries, FleetSpec fleet) {
        PrintingSource source = new PrintingSource(entries, dryRun ? out() : null);
        DeliveryReport report;
        long records;
        try (KinesisEventWriter events = KinesisEventWriter.pretty(new BufferedOutputStream(
                Files.newOutputStream(eventsOut)), EventSource.example(regionForEvents(), stream))) {
            Aggregation aggregation = aggregate
                    ? Aggregation.oneShard(aggregateMaxBytes(), EventFileSink.SHARD_ID) : null;
            Delivery delivery = new Delivery(new EventFileSink(events), new DeliveryPolicy(0, dependencies.backoff(),
                    0), dependencies.stop(), dependencies.nanoTime(), dependencies.jitter(),
                    dependencies.stop()::isStopRequested, new LiveCounts(), aggregation);
            report = delivery.deliver(source);
            records = events.written();
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
            err().println(NAME + ": cannot write --events-out " + eventsOut + ": " + cause.getMessage());
            return EXIT_NOT_DELIVERED;
        }
        out().flush();
        boolean stopped = dependencies.stop().isStopRequested() && entries.hasNext();
        err().println(localSummary(report.accepted(), fleet, stopped || source.outputClosed(), records));
        if (records > MAX_EVENT_RECORDS) {
            err().println(NAME + ": note: " + records + " records in one event; a Kinesis event source hands a "
                    + "function at most " + MAX_EVENT_RECORDS + " at once");
        }
        return stopped ? EXIT_INTERRUPTED : EXIT_OK;
    }

    /** @param records the event's records, when written */
    private String localSummary(long written, FleetSpec fleet, boolean cutShort, long records) {
        String what = written + " readings of " + fleet.sensors() + " sensors from "
                + Instant.ofEpochSecond(fleet.startTime());
        String event = "written to " + eventsOut + " as a Lambda Kinesis event"
                + (aggregate ? " of " + records + " records" : "");
        String where = dryRun && eventsOut != null ? "printed and " + event : dryRun ? "printed" : event;
        return (cutShort ? "interrupted: " : "dry run: ") + what + " " + where + "; nothing sent to Kinesis; seed "
                + fleet.seed();
    }

    private String regionForEvents() {
        return region != null && !region.isBlank() ? region.strip() : "us-east-1";
    }

    private int send(EntrySource entries, FleetSpec fleet, long limit) {
        StreamTarget target = new StreamTarget(stream, region, describeEndpoint());
        try (KinesisClient client = dependencies.connector().connect(
                new AwsSettings(stream, region, profile, endpointUrl))) {
            target = new StreamTarget(stream, client.serviceClientConfiguration().region().id(), target.endpoint());
            int openShards = StreamCheck.openShards(client, target);
            StreamTarget listed = target;
            Aggregation aggregation = aggregate ? new Aggregation(aggregateMaxBytes(),
                    OpenShards.list(client, listed), () -> OpenShards.list(client, listed)) : null;
            RecordSink sink = new PutRecordsSink(client, target);
            double pace = rate != null ? rate : fleet.readingsPerSecond();
            LiveCounts counts = new LiveCounts();
            Delivery delivery = new Delivery(sink, new DeliveryPolicy(maxRetries, dependencies.backoff(), pace),
                    dependencies.stop(), dependencies.nanoTime(), dependencies.jitter(),
                    dependencies.stop()::isStopRequested, counts, aggregation);
            DeliveryReport report;
            try (ProgressLine ignored = showProgress()
                    ? new ProgressLine(err(), counts, limit, dependencies.nanoTime()) : null) {
                report = delivery.deliver(entries);
            }
            err().println(Summary.of(report, new Summary.Facts(stream, openShards, "PutRecords", maxRetries,
                    fleet.seed(), aggregate)));
            return exitCode(report);
        } catch (AwsConfigurationException e) {
            err().println(NAME + ": " + e.getMessage());
            return EXIT_AWS;
        }
    }

    private static int exitCode(DeliveryReport report) {
        return switch (report.outcome()) {
            case COMPLETE -> report.notDelivered() == 0 ? EXIT_OK : EXIT_NOT_DELIVERED;
            case STOPPED -> EXIT_INTERRUPTED;
            case FAILED -> report.failure().kind() == SinkFailure.Kind.CONFIGURATION ? EXIT_AWS : EXIT_NOT_DELIVERED;
        };
    }

    private boolean showProgress() {
        return progress == When.ALWAYS || (progress == When.AUTO && dependencies.terminal());
    }

    /** The endpoint as the user set it, for messages; {@code null} for AWS's own. */
    private String describeEndpoint() {
        if (endpointUrl != null) {
            return endpointUrl.toString();
        }
        String kinesisOnly = dependencies.environment().get("AWS_ENDPOINT_URL_KINESIS");
        if (kinesisOnly != null && !kinesisOnly.isBlank()) {
            return kinesisOnly;
        }
        String shared = dependencies.environment().get("AWS_ENDPOINT_URL");
        return shared != null && !shared.isBlank() ? shared : null;
    }

    /**
     * On Ctrl-C the JVM runs its shutdown hooks and then halts; this one raises the stop signal and holds the halt
     * until the run has finished its call in flight and written the summary.
     */
    private Thread onCtrlC(CountDownLatch finished) {
        Thread hook = new Thread(() -> {
            dependencies.stop().requestStop();
            try {
                finished.await(CTRL_C_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, NAME + "-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void removeHook(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it is what lets this run finish its summary.
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}

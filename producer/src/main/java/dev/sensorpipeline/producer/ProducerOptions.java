package dev.sensorpipeline.producer;

import dev.sensorpipeline.cli.AwsOptions;
import dev.sensorpipeline.cli.AwsSettings;
import dev.sensorpipeline.producer.delivery.BatchLimits;
import dev.sensorpipeline.producer.delivery.PayloadUnits;
import dev.sensorpipeline.producer.fleet.FleetSpec;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The command's options as picocli fills them, in the order the help lists them, and what follows from them alone
 * (defaults, the fleet's size, the key mode). {@link OptionChecks} says whether they make sense together; the run
 * modes read them, never write them.
 */
final class ProducerOptions {
    // Every option has its place in the help ("order", before the standard -h and -V at picocli's default of -1):
    // picocli would otherwise list a mixin's group first.

    static final String DEFAULT_STREAM = "temperature-sensor-data";
    /** One PUT payload unit: a record costs the same up to here, and aggregation already fills a shard's bytes. */
    static final int DEFAULT_AGGREGATE_BYTES = PayloadUnits.UNIT_BYTES;
    /** Room for a dozen readings: below it aggregation saves little. */
    static final int MIN_AGGREGATE_BYTES = 1024;

    /** When to draw the live progress line. */
    enum When { AUTO, ALWAYS, NEVER }

    @Option(order = -99, names = {"-n", "--sensors"}, paramLabel = "N", defaultValue = "10",
            description = "Sensors in the fleet (default: ${DEFAULT-VALUE}).")
    private int sensors;

    @Option(order = -98, names = "--sensor-prefix", paramLabel = "PREFIX", defaultValue = "sensor-",
            description = "Sensor ids are PREFIX1..PREFIXN (default: ${DEFAULT-VALUE}).")
    private String sensorPrefix;

    @Option(order = -97, names = {"-i", "--interval"}, paramLabel = "SECONDS", defaultValue = "1",
            description = "Fleet seconds between two readings of a sensor (default: ${DEFAULT-VALUE}).")
    private long interval;

    @Option(order = -96, names = "--humidity", description = "Readings carry relative humidity too.")
    private boolean humidity;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Amount amount;

    /** How many readings: a count or a span of fleet time, not both. */
    static final class Amount {
        @Option(order = -95, names = {"-c", "--count"}, paramLabel = "N", required = true,
                description = "Total readings to send, then stop (default: run until Ctrl-C).")
        Long count;

        @Option(order = -94, names = {"-d", "--duration"}, paramLabel = "DURATION", required = true,
                converter = OptionConverters.FleetDuration.class,
                description = "Fleet time to cover, such as 90s, 15m, 2h, 1d: every sensor's readings of that "
                        + "span. At the default rate it is also how long the run takes.")
        Duration duration;
    }

    @Option(order = -93, names = {"-r", "--rate"}, paramLabel = "PER_SECOND",
            description = "Readings per second; 0 for as fast as the stream takes them (default: the fleet's own "
                    + "pace, N/interval).")
    private Double rate;

    @Option(order = -92, names = "--seed", paramLabel = "S",
            description = "Fixes every value (default: a random seed, shown in the summary).")
    private Long seed;

    @Option(order = -91, names = "--start-time", paramLabel = "T", converter = OptionConverters.StartTime.class,
            description = "Run on simulated time from T, Unix seconds or ISO-8601 (default: the wall clock at "
                    + "start). With --seed, the same arguments give the same readings, every time.")
    private Long startTime;

    @Option(order = -90, names = "--partition-key", paramLabel = "MODE", converter = OptionConverters.KeyMode.class,
            description = "sensor: the sensor id, a sensor's readings in order on one shard; random: a random "
                    + "key per reading; constant: the book's 'sensor-data', one shard for all (default: sensor).")
    private PartitionKeyMode partitionKey;

    @Option(order = -89, names = "--max-retries", paramLabel = "N", defaultValue = "10",
            description = "Times a refused reading is sent again before it counts as not delivered "
                    + "(default: ${DEFAULT-VALUE}).")
    private int maxRetries;

    @Option(order = -88, names = "--aggregate",
            description = "Pack readings into KPL aggregated records, the Kinesis Producer Library's format, one open "
                    + "record per shard: every reading still goes to the shard its partition key picks. The function "
                    + "and other KPL readers (the KCL) deaggregate them. Needs kinesis:ListShards.")
    private boolean aggregate;

    @Option(order = -87, names = "--aggregate-max-bytes", paramLabel = "N",
            description = "With --aggregate: the largest aggregated record, data and partition key, from "
                    + MIN_AGGREGATE_BYTES + " to " + BatchLimits.MAX_RECORD_BYTES + " (default: "
                    + DEFAULT_AGGREGATE_BYTES + ", one PUT payload unit).")
    private Integer aggregateMaxBytes;

    @Option(order = -86, names = "--dry-run",
            description = "Print the readings as JSON lines on stdout instead of sending them.")
    private boolean dryRun;

    @Option(order = -85, names = "--events-out", paramLabel = "FILE",
            description = "Write the readings as a Lambda Kinesis event (the format of test-payloads/) instead of "
                    + "sending them; with --aggregate, the aggregated records.")
    private Path eventsOut;

    @Option(order = -84, names = "--stream", paramLabel = "NAME",
            defaultValue = "${env:STREAM_NAME:-" + DEFAULT_STREAM + "}",
            description = "The stream (default: STREAM_NAME, else " + DEFAULT_STREAM + ").")
    private String stream;

    @Mixin
    private AwsOptions aws;

    @Option(order = -80, names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            converter = OptionConverters.WhenConverter.class,
            description = "Live progress on stderr: auto (when a terminal), always, never (default: ${DEFAULT-VALUE}).")
    private When progress;

    int sensors() {
        return sensors;
    }

    String sensorPrefix() {
        return sensorPrefix;
    }

    long interval() {
        return interval;
    }

    boolean humidity() {
        return humidity;
    }

    /** {@code --count}, or {@code null}. */
    Long count() {
        return amount != null ? amount.count : null;
    }

    /** {@code --duration}, or {@code null}. */
    Duration duration() {
        return amount != null ? amount.duration : null;
    }

    /** {@code --rate}, or {@code null} for the fleet's own pace. */
    Double rate() {
        return rate;
    }

    Long seed() {
        return seed;
    }

    Long startTime() {
        return startTime;
    }

    /** {@code --partition-key} as given, or {@code null}. */
    PartitionKeyMode partitionKey() {
        return partitionKey;
    }

    /** The key mode of the run: {@code --partition-key}, else by sensor. */
    PartitionKeyMode keyMode() {
        return partitionKey != null ? partitionKey : PartitionKeyMode.SENSOR;
    }

    int maxRetries() {
        return maxRetries;
    }

    boolean aggregate() {
        return aggregate;
    }

    /** {@code --aggregate-max-bytes} as given, or {@code null}. */
    Integer aggregateMaxBytesGiven() {
        return aggregateMaxBytes;
    }

    int aggregateMaxBytes() {
        return aggregateMaxBytes != null ? aggregateMaxBytes : DEFAULT_AGGREGATE_BYTES;
    }

    boolean dryRun() {
        return dryRun;
    }

    /** {@code --events-out}, or {@code null}. */
    Path eventsOut() {
        return eventsOut;
    }

    String stream() {
        return stream;
    }

    /** {@code --region}, {@code --profile}, {@code --endpoint-url}; unset parts {@code null}. */
    AwsSettings aws() {
        return aws.settings();
    }

    /** The region an event file names: {@code --region}, else us-east-1. */
    String regionForEvents() {
        String region = aws().region();
        return region != null && !region.isBlank() ? region.strip() : "us-east-1";
    }

    When progress() {
        return progress;
    }

    /** How many readings the run takes: {@code --count}, every sensor's of {@code --duration}, or no end. */
    long limit(FleetSpec fleet) {
        if (amount == null) {
            return Long.MAX_VALUE;
        }
        if (amount.count != null) {
            return amount.count;
        }
        long seconds = amount.duration.getSeconds() + (amount.duration.getNano() > 0 ? 1 : 0);
        return fleet.readingsIn(seconds);
    }
}

package dev.sensorpipeline.producer;

import dev.sensorpipeline.model.ReadingLimits;
import dev.sensorpipeline.producer.delivery.BatchLimits;
import dev.sensorpipeline.producer.delivery.PutEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Whether the options make sense, alone and together, before anything runs: a bad one is a usage error (exit 2)
 * whose message names the option, what it is and what it may be.
 */
final class OptionChecks {

    private static final int MAX_SENSORS = 1_000_000;

    private final ProducerOptions options;
    private final CommandLine commandLine;

    OptionChecks(ProducerOptions options, CommandLine commandLine) {
        this.options = options;
        this.commandLine = commandLine;
    }

    /** @throws ParameterException naming the first option that is wrong */
    void check() {
        checkFleet();
        checkAmount();
        if (options.maxRetries() < 0) {
            throw usage("--max-retries must be 0 or more, not " + options.maxRetries());
        }
        if (options.startTime() != null && options.startTime() < 0) {
            throw usage("--start-time must be 0 or later, not " + options.startTime());
        }
        if (options.stream() == null || options.stream().isBlank()) {
            throw usage("--stream must name a stream (STREAM_NAME is set but empty)");
        }
        checkSensorIds();
        checkAggregation();
        checkEventsOut();
    }

    private void checkFleet() {
        if (options.sensors() < 1 || options.sensors() > MAX_SENSORS) {
            throw usage("--sensors must be from 1 to " + MAX_SENSORS + ", not " + options.sensors());
        }
        if (options.interval() < 1) {
            throw usage("--interval must be at least 1 second (readings carry whole seconds), not "
                    + options.interval());
        }
    }

    private void checkAmount() {
        Long count = options.count();
        if (count != null && count < 1) {
            throw usage("--count must be at least 1, not " + count);
        }
        Duration duration = options.duration();
        if (duration != null && duration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw usage("--duration must be at least 1 second, not " + duration);
        }
        Double rate = options.rate();
        if (rate != null && (!(rate >= 0) || rate.isInfinite())) {
            throw usage("--rate must be a number of readings per second, 0 or more (0: as fast as possible), not "
                    + rate);
        }
    }

    private void checkSensorIds() {
        String longest = options.sensorPrefix() + options.sensors();
        int bytes = longest.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ReadingLimits.MAX_SENSOR_ID_BYTES) {
            throw usage("--sensor-prefix makes ids of " + bytes + " bytes; the table's key takes at most "
                    + ReadingLimits.MAX_SENSOR_ID_BYTES);
        }
        int chars = longest.codePointCount(0, longest.length());
        if (options.keyMode() == PartitionKeyMode.SENSOR && chars > PutEntry.MAX_PARTITION_KEY_CHARS) {
            throw usage("--sensor-prefix makes ids of " + chars + " characters, too long for a partition key ("
                    + PutEntry.MAX_PARTITION_KEY_CHARS + " at most); shorten it or use --partition-key random");
        }
    }

    private void checkAggregation() {
        Integer maxBytes = options.aggregateMaxBytesGiven();
        if (maxBytes != null && !options.aggregate()) {
            throw usage("--aggregate-max-bytes needs --aggregate");
        }
        if (maxBytes != null
                && (maxBytes < ProducerOptions.MIN_AGGREGATE_BYTES || maxBytes > BatchLimits.MAX_RECORD_BYTES)) {
            throw usage("--aggregate-max-bytes must be from " + ProducerOptions.MIN_AGGREGATE_BYTES + " to "
                    + BatchLimits.MAX_RECORD_BYTES + " (Kinesis's record limit, partition key included), not "
                    + maxBytes);
        }
    }

    private void checkEventsOut() {
        Path eventsOut = options.eventsOut();
        if (eventsOut == null) {
            return;
        }
        Path parent = eventsOut.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw usage("--events-out " + eventsOut + ": folder " + parent + " does not exist");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(commandLine, message);
    }
}

package dev.sensorpipeline.readings;

import dev.sensorpipeline.readings.query.TimeRange;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --from} and {@code --to}, both optional, both inclusive. */
final class RangeOptions {

    @Option(names = "--from", paramLabel = "T", converter = Converters.From.class,
            description = "Readings at or after T: Unix seconds or ISO-8601 (2025-11-29T07:00:00Z; no offset is UTC).")
    Long from;

    @Option(names = "--to", paramLabel = "T", converter = Converters.To.class,
            description = "Readings at or before T, as --from.")
    Long to;

    /** The range; --from after --to is bad usage. */
    TimeRange range(CommandSpec spec) {
        if (from != null && to != null && from > to) {
            throw new ParameterException(spec.commandLine(), "--from (" + from + ", "
                    + java.time.Instant.ofEpochSecond(from) + ") is after --to (" + to + ", "
                    + java.time.Instant.ofEpochSecond(to) + ")");
        }
        return new TimeRange(from, to);
    }

    /** The range in words, for messages: "", " from 2025-...Z", " from ... to ...". */
    static String describe(TimeRange range) {
        String text = "";
        if (range.from() != null) {
            text += " from " + java.time.Instant.ofEpochSecond(range.from());
        }
        if (range.to() != null) {
            text += " to " + java.time.Instant.ofEpochSecond(range.to());
        }
        return text;
    }
}

package dev.sensorpipeline.readings;

import dev.sensorpipeline.readings.format.Format;
import picocli.CommandLine.Option;

/** {@code --format}: how the output is written; the subcommand's description names the columns. */
final class FormatOption {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            converter = Converters.FormatConverter.class,
            description = "table, csv (a header line, then one line a row) or json (one object a line); "
                    + "default: ${DEFAULT-VALUE}.")
    Format format;
}

package dev.sensorpipeline.readings;

import dev.sensorpipeline.cli.AwsOptions;
import dev.sensorpipeline.cli.AwsSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the table is, as for the producer and the aws CLI; and --verbose. Every subcommand has them. */
final class TableOptions {

    static final String DEFAULT_TABLE = "SensorData";

    @Option(names = "--table", paramLabel = "NAME", defaultValue = "${env:TABLE_NAME:-" + DEFAULT_TABLE + "}",
            description = "The readings table (default: TABLE_NAME, else " + DEFAULT_TABLE + ").")
    String table;

    @Mixin
    private AwsOptions aws;

    @Option(names = {"-v", "--verbose"},
            description = "Say on stderr how much read capacity the queries consumed (ReturnConsumedCapacity).")
    boolean verbose;

    AwsSettings settings() {
        return aws.settings();
    }
}

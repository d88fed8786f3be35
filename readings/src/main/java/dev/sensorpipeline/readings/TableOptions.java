package dev.sensorpipeline.readings;

import dev.sensorpipeline.readings.query.AwsSettings;
import java.net.URI;
import picocli.CommandLine.Option;

/** Where the table is, as for the producer and the aws CLI; and --verbose. Every subcommand has them. */
final class TableOptions {

    static final String DEFAULT_TABLE = "SensorData";

    @Option(names = "--table", paramLabel = "NAME", defaultValue = "${env:TABLE_NAME:-" + DEFAULT_TABLE + "}",
            description = "The readings table (default: TABLE_NAME, else " + DEFAULT_TABLE + ").")
    String table;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "${env:AWS_REGION:-${env:AWS_DEFAULT_REGION}}",
            description = "The region (default: AWS_REGION, else AWS_DEFAULT_REGION, else the profile's).")
    String region;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "A named profile of ~/.aws/config (default: AWS_PROFILE, else default).")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "DynamoDB endpoint, such as http://127.0.0.1:5000 (default: AWS_ENDPOINT_URL_DYNAMODB, "
                    + "AWS_ENDPOINT_URL, the profile's endpoint_url, else AWS).")
    URI endpointUrl;

    @Option(names = {"-v", "--verbose"},
            description = "Say on stderr how much read capacity the queries consumed (ReturnConsumedCapacity).")
    boolean verbose;

    AwsSettings settings() {
        return new AwsSettings(table, region, profile, endpointUrl);
    }
}

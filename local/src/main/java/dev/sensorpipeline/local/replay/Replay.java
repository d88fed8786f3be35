package dev.sensorpipeline.local.replay;

import dev.sensorpipeline.local.runner.base.CommandLines;
import dev.sensorpipeline.local.runner.stream.KinesisStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * scripts/replay.sh's work: finds the failure documents at the mapping's on-failure destination and drives their
 * records through the function again ({@link Replayer}). Ends with one summary line.
 *
 * <p>Exit codes: 0 all replayed, or nothing to do; 1 records still failing, gone from the stream, or documents
 * unreadable; 2 bad arguments; 3 the endpoint, the bucket or queue, the stream or the function cannot be reached.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Replays the Kinesis batches Lambda gave up on, from the event source mapping's on-failure"
                + " destination.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all replayed, or nothing to do", "1:records still failing or gone from the stream",
            "2:bad arguments", "3:cannot reach the endpoint, the destination, the stream or the function"})
public final class Replay implements Callable<Integer> {

    static final int EXIT_DONE = 0;
    static final int EXIT_INCOMPLETE = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_UNREACHABLE = 3;

    @Option(names = "--destination", required = true, paramLabel = "ARN",
            description = "the on-failure destination: arn:aws:s3:::BUCKET, or an SQS queue's ARN")
    private String destination;

    @Option(names = "--queue-url", paramLabel = "URL", description = "the queue's URL, for an SQS destination")
    private String queueUrl;

    @Option(names = "--function", paramLabel = "NAME", defaultValue = "sensor-ingest",
            description = "the function (default: ${DEFAULT-VALUE})")
    private String functionName;

    @Option(names = "--qualifier", paramLabel = "ALIAS", defaultValue = "live",
            description = "what the mapping invokes (default: ${DEFAULT-VALUE})")
    private String qualifier;

    @Option(names = "--rejects-table", paramLabel = "NAME", defaultValue = "SensorDataRejects",
            description = "the function's rejects table (default: ${DEFAULT-VALUE})")
    private String rejectsTable;

    @Option(names = "--invoke-local", paramLabel = "SCRIPT",
            description = "run the function locally with this script (scripts/invoke-local.sh) instead of on AWS")
    private Path invokeLocal;

    @Option(names = "--dry-run", description = "list what would be replayed; change nothing")
    private boolean dryRun;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    public Replay() {
        this(System.out, System.err, System.getenv());
    }

    Replay(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new Replay()).execute(args));
    }

    static CommandLine commandLine(Replay command) {
        return CommandLines.writingTo(command, command.out, command.err);
    }

    @Override
    public Integer call() {
        String region = firstSet(environment.get("AWS_REGION"), environment.get("AWS_DEFAULT_REGION"));
        if (region == null) {
            err.println("replay: no region: set AWS_REGION (e.g. export AWS_REGION=us-east-1)");
            return EXIT_USAGE;
        }
        boolean s3 = destination.matches("arn:[a-z-]+:s3:::[^/]+");
        boolean sqs = destination.matches("arn:[a-z-]+:sqs:[^:]+:\\d+:.+");
        if (!s3 && !sqs) {
            err.println("replay: the destination '" + destination + "' is neither an S3 bucket (arn:aws:s3:::NAME)"
                    + " nor an SQS queue; replay reads only those");
            return EXIT_USAGE;
        }
        if (sqs && queueUrl == null) {
            err.println("replay: an SQS destination needs --queue-url");
            return EXIT_USAGE;
        }
        // Kinesis speaking JSON: local endpoints (moto) do not speak CBOR; AWS speaks both.
        System.setProperty("aws.cborEnabled", "false");
        Clients clients = new Clients(Region.of(region), environment.get("AWS_ENDPOINT_URL"));
        try (S3Client s3Client = clients.build(S3Client.builder().forcePathStyle(true));
             SqsClient sqsClient = clients.build(SqsClient.builder());
             KinesisClient kinesis = clients.build(KinesisClient.builder());
             LambdaClient lambda = clients.build(LambdaClient.builder());
             DynamoDbClient dynamoDb = clients.build(DynamoDbClient.builder())) {
            FailureStore store = s3
                    ? new S3FailureStore(s3Client, destination.substring(destination.indexOf(":::") + 3))
                    : new SqsFailureStore(sqsClient, destination, queueUrl);
            ReplayFunction function = invokeLocal != null
                    ? new LocalReplayFunction(invokeLocal)
                    : new LambdaReplayFunction(lambda, functionName, qualifier);
            Replayer replayer = new Replayer(store, new StreamRange(new KinesisStreamReader(kinesis)), function,
                    new RejectsTable(dynamoDb, rejectsTable), region, out);
            out.println("replaying from " + store.describe() + " through " + function.describe()
                    + (dryRun ? " (dry run)" : ""));
            ReplaySummary summary = replayer.run(dryRun);
            out.println(summary.line(dryRun));
            return summary.complete() ? EXIT_DONE : EXIT_INCOMPLETE;
        } catch (StoreUnavailableException e) {
            err.println("replay: " + e.getMessage());
            return EXIT_UNREACHABLE;
        } catch (SdkException e) {
            err.println("replay: cannot reach " + clients.describe() + ": " + e.getMessage());
            return EXIT_UNREACHABLE;
        }
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** Every client alike: the region, the endpoint when one is given, the default credentials, one HTTP client. */
    private record Clients(Region region, String endpoint) {

        <B extends AwsClientBuilder<B, C>, C> C build(B builder) {
            SdkHttpClient http = UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build();
            builder.region(region).credentialsProvider(DefaultCredentialsProvider.builder().build());
            if (endpoint != null && !endpoint.isBlank()) {
                builder.endpointOverride(URI.create(endpoint));
            }
            if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
                sync.httpClient(http);
            }
            return builder.build();
        }

        String describe() {
            return endpoint == null ? "AWS, region " + region.id() : endpoint;
        }
    }
}

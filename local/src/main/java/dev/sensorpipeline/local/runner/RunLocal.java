package dev.sensorpipeline.local.runner;

import dev.sensorpipeline.local.runner.base.CommandLines;
import dev.sensorpipeline.local.runner.base.Console;
import dev.sensorpipeline.local.runner.base.SetupException;
import dev.sensorpipeline.local.runner.config.ControlPlane;
import dev.sensorpipeline.local.runner.failure.Destinations;
import dev.sensorpipeline.local.runner.stream.DynamoDbStreamReader;
import dev.sensorpipeline.local.runner.stream.KinesisStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The command line of the local event source mapping; {@code scripts/run-local.sh} runs it. */
@Command(name = "run-local", mixinStandardHelpOptions = true, version = "run-local 0.1.0",
        sortOptions = false, usageHelpWidth = 110, exitCodeOnExecutionException = Runner.EXIT_FAILED,
        description = {
            "Plays Lambda's event source mapping against a local endpoint: reads every shard of the streams of the"
                    + " function's Kinesis and DynamoDB Streams event source mappings (with no --function-name, every"
                    + " enabled mapping's), with their FilterCriteria and their settings (batch size, batching window,"
                    + " starting position, ReportBatchItemFailures, bisect, retries, record age), and invokes the"
                    + " function from its jar in a JVM of its own, on the Lambda runtime interface client, through"
                    + " the Lambda Runtime API that the runner serves.",
            "Checkpoints are kept per mapping and shard in the state folder: a runner stopped in any way, even"
                    + " killed, resumes after the last batch it completed. LATEST counts from when the mapping was"
                    + " created.",
            "Records given up on go, as Lambda's on-failure document, to the mapping's OnFailure destination (an"
                    + " S3 bucket, with the records; an SQS queue or SNS topic, without), or to discarded.jsonl"
                    + " without one; until the document is delivered, the runner does not move past them. On an"
                    + " alias, each batch runs the version the alias points at then.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped (idle, --max-runtime, SIGTERM or Ctrl-C) with nothing discarded",
            "1:stopped, but records were discarded (retries or record age ran out; see stderr: their documents are"
                    + " at the mapping's OnFailure destination, or in discarded.jsonl without one)",
            "2:bad usage",
            "3:something it needs is missing: the endpoint, the function, its mapping, the stream, the jars",
            "4:failed while running (the stream disappeared, or an internal error)"})
public final class RunLocal implements Callable<Integer> {

    static final int EXIT_USAGE = 2;
    static final int EXIT_SETUP = 3;

    @Option(names = "--function-name", paramLabel = "NAME",
            description = {"Run only this function's mappings, as deployed at the endpoint: its Kinesis and DynamoDB"
                    + " Streams mappings are read, on the function, a version or an alias, and the configuration of"
                    + " what they invoke is run (an alias's: that of its version). NAME:ALIAS or NAME:VERSION reads"
                    + " only the mappings that invoke that (if none does, those of the version the alias points at:"
                    + " moto records a mapping made on an alias so); NAME:$LATEST the unqualified ones. Without it"
                    + " (FUNCTION_NAME is not read), every enabled mapping at the endpoint runs, each function in an"
                    + " execution environment of its own."})
    String functionName;

    @Option(names = "--function-jar", paramLabel = "[NAME=]JAR",
            description = {"The code of the function NAME (repeatable); a plain JAR is the code of the function"
                    + " chosen with --function-name (it wins there), or of any function without a NAME=JAR of its"
                    + " own. A chosen function given none runs lambda/target/sensor-ingest-lambda.jar."})
    List<String> functionJars;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = ".local-runner",
            description = "Checkpoints, discarded records, the unpacked code (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--until-idle", paramLabel = "SECONDS",
            description = "Exit once every shard is caught up and nothing has come for this long.")
    Double untilIdle;

    @Option(names = "--max-runtime", paramLabel = "SECONDS", description = "Exit after this long.")
    Double maxRuntime;

    @Option(names = "--poll-interval", paramLabel = "MILLIS", defaultValue = "1000",
            description = "How often an idle shard is read, as Lambda reads each shard once a second"
                    + " (default: ${DEFAULT-VALUE}).")
    long pollIntervalMillis;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "The endpoint of Lambda, Kinesis and DynamoDB (default: $AWS_ENDPOINT_URL; unset: AWS).")
    String endpointUrl;

    @Option(names = "--region", paramLabel = "REGION",
            description = "The region (default: $AWS_REGION, else $AWS_DEFAULT_REGION).")
    String region;

    @Option(names = "--runtime-dir", paramLabel = "DIR",
            description = "The Lambda runtime interface client's jars (default: runtime/ next to the runner's jar).")
    Path runtimeDir;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    public RunLocal() {
        this(System.out, System.err, System.getenv());
    }

    RunLocal(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new RunLocal()).execute(args));
    }

    static CommandLine commandLine(RunLocal command) {
        return CommandLines.writingTo(command, command.out, command.err).setOverwrittenOptionsAllowed(true);
    }

    @Override
    public Integer call() throws InterruptedException {
        Console console = new Console(out, err);
        try {
            RunnerOptions options = options();
            Region awsRegion = Region.of(options.region());
            System.setProperty("aws.cborEnabled", "false");
            AwsCredentialsProvider credentials = StaticCredentialsProvider.create(
                    options.awsEnvironment().containsKey("AWS_SESSION_TOKEN")
                            ? AwsSessionCredentials.create(options.awsEnvironment().get("AWS_ACCESS_KEY_ID"),
                            options.awsEnvironment().get("AWS_SECRET_ACCESS_KEY"),
                            options.awsEnvironment().get("AWS_SESSION_TOKEN"))
                            : AwsBasicCredentials.create(options.awsEnvironment().get("AWS_ACCESS_KEY_ID"),
                            options.awsEnvironment().get("AWS_SECRET_ACCESS_KEY")));
            String endpoint = options.awsEnvironment().get("AWS_ENDPOINT_URL");
            Clock clock = Clock.systemUTC();
            // A local endpoint serves every bucket under its own host: path-style addresses.
            try (LambdaClient lambda = client(LambdaClient.builder(), awsRegion, credentials, endpoint);
                 KinesisClient kinesis = client(KinesisClient.builder(), awsRegion, credentials, endpoint);
                 DynamoDbStreamsClient streams = client(DynamoDbStreamsClient.builder(), awsRegion, credentials,
                         endpoint);
                 S3Client s3 = client(S3Client.builder().forcePathStyle(endpoint != null), awsRegion, credentials,
                         endpoint);
                 SqsClient sqs = client(SqsClient.builder(), awsRegion, credentials, endpoint);
                 SnsClient sns = client(SnsClient.builder(), awsRegion, credentials, endpoint)) {
                Runner.Endpoint at = new Runner.Endpoint(
                        new ControlPlane(lambda, kinesis, streams, options.endpoint()),
                        new KinesisStreamReader(kinesis), new DynamoDbStreamReader(streams),
                        new Destinations(s3, sqs, sns, clock));
                Runner runner = new Runner(options, at, console, clock);
                Thread stopOnSignal = new Thread(() -> stopQuietly(runner), "run-local-stop");
                Runtime.getRuntime().addShutdownHook(stopOnSignal);
                try {
                    return runner.run();
                } finally {
                    removeQuietly(stopOnSignal);
                }
            }
        } catch (SetupException e) {
            err.println("run-local: " + e.getMessage());
            return EXIT_SETUP;
        }
    }

    RunnerOptions options() {
        String resolvedRegion = firstSet(region, environment.get("AWS_REGION"), environment.get("AWS_DEFAULT_REGION"));
        if (resolvedRegion == null) {
            throw new SetupException("no region: set AWS_REGION (e.g. export AWS_REGION=us-east-1) or pass --region");
        }
        String endpoint = firstSet(endpointUrl, environment.get("AWS_ENDPOINT_URL"));
        if (endpoint != null) {
            try {
                URI uri = new URI(endpoint);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new URISyntaxException(endpoint, "no scheme or host");
                }
            } catch (URISyntaxException e) {
                throw new SetupException("the endpoint '" + endpoint + "' is not a URL such as http://127.0.0.1:5000");
            }
        }
        if (pollIntervalMillis < 1) {
            throw new SetupException("--poll-interval must be at least 1 ms");
        }
        Map<String, String> aws = new LinkedHashMap<>();
        aws.put("AWS_REGION", resolvedRegion);
        aws.put("AWS_DEFAULT_REGION", resolvedRegion);
        if (endpoint != null) {
            aws.put("AWS_ENDPOINT_URL", endpoint);
        }
        aws.putAll(credentials(environment));
        String function = firstSet(functionName);
        return new RunnerOptions(function, FunctionJars.parse(functionJars),
                runtimeDir == null ? defaultRuntimeDir() : runtimeDir,
                stateDir, seconds(untilIdle, "--until-idle"), seconds(maxRuntime, "--max-runtime"),
                Duration.ofMillis(pollIntervalMillis), resolvedRegion, endpoint == null ? "AWS" : endpoint, aws);
    }

    /**
     * The credentials of the runner's clients and of the function, as Lambda gives it its role's: from the
     * environment, else from the SDK's default chain (profiles, SSO...), passed to the function as variables.
     */
    private static Map<String, String> credentials(Map<String, String> environment) {
        AwsCredentials credentials;
        String accessKey = environment.get("AWS_ACCESS_KEY_ID");
        String secretKey = environment.get("AWS_SECRET_ACCESS_KEY");
        String sessionToken = environment.get("AWS_SESSION_TOKEN");
        if (accessKey != null && !accessKey.isBlank() && secretKey != null && !secretKey.isBlank()) {
            credentials = sessionToken == null || sessionToken.isBlank()
                    ? AwsBasicCredentials.create(accessKey, secretKey)
                    : AwsSessionCredentials.create(accessKey, secretKey, sessionToken);
        } else {
            try (DefaultCredentialsProvider provider = DefaultCredentialsProvider.builder().build()) {
                credentials = provider.resolveCredentials();
            } catch (SdkClientException e) {
                throw new SetupException("no AWS credentials in the environment or the default profile: for a local"
                        + " endpoint set dummy ones, e.g. export AWS_ACCESS_KEY_ID=testing"
                        + " AWS_SECRET_ACCESS_KEY=testing");
            }
        }
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        variables.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        if (credentials instanceof AwsSessionCredentials session) {
            variables.put("AWS_SESSION_TOKEN", session.sessionToken());
        }
        return variables;
    }

    /**
     * A client of the runner's, built once: the given region, credentials and endpoint, the URL connection HTTP
     * client. Kinesis speaks JSON, not CBOR, which local endpoints (moto) do not speak (aws.cborEnabled).
     */
    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
            B builder, Region awsRegion, AwsCredentialsProvider credentials, String endpoint) {
        builder.region(awsRegion).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build());
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /** runtime/ next to the runner's jar: {@code local/target/runtime/}, where the build copies the client. */
    private static Path defaultRuntimeDir() {
        try {
            Path location = Path.of(RunLocal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path base = Files.isDirectory(location) ? location.getParent() : location.getParent();
            return base.resolve("runtime");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("local/target/runtime");
        }
    }

    private static Duration seconds(Double value, String option) {
        if (value == null) {
            return null;
        }
        if (value <= 0 || value.isNaN() || value.isInfinite()) {
            throw new SetupException(option + " must be a positive number of seconds");
        }
        return Duration.ofMillis(Math.round(value * 1000));
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /**
     * On SIGTERM or Ctrl-C: stops the runner (the function's JVM too) and exits with the run's own code, 0 when
     * nothing was discarded, rather than the signal's 143 or 130: stopping is how a run ends.
     */
    private static void stopQuietly(Runner runner) {
        try {
            runner.stopAndWait("signal", Duration.ofSeconds(20)).ifPresent(Runtime.getRuntime()::halt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it waits for this run to end
        }
    }
}

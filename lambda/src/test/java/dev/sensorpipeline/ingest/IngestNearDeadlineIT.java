package dev.sensorpipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.sensorpipeline.testkit.ProjectFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The function when DynamoDB stops answering: every write hangs, and the function must still report every record
 * it has not stored before Lambda's timeout cuts it off, as Lambda would otherwise retry the whole batch blind.
 */
class IngestNearDeadlineIT {

    private static final String ACCESS_KEY_ID = "AKIDSECRETKEYID";
    private static final String SECRET_ACCESS_KEY = "SECRET-ACCESS-KEY-VALUE";
    private static final String SESSION_TOKEN = "SESSION-TOKEN-VALUE";

    private static IngestHandler handlerAgainst(StallingEndpoint endpoint) {
        return new IngestHandler(IngestFunction.fromEnvironment(
                Map.of("AWS_REGION", "us-east-1", "CHECK_TABLES_AT_START", "false"),
                builder -> builder.endpointOverride(endpoint.uri()).credentialsProvider(StaticCredentialsProvider
                        .create(AwsSessionCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN)))));
    }

    private static KinesisEvent batchOf100() {
        return EventLoader.loadKinesisEvent(ProjectFiles.resolve("test-payloads/batch-100.json").toString());
    }

    private static Set<String> sequenceNumbersOf(KinesisEvent event) {
        return event.getRecords().stream().map(r -> r.getKinesis().getSequenceNumber()).collect(Collectors.toSet());
    }

    private static Set<String> reported(StreamsEventResponse response) {
        return response.getBatchItemFailures().stream()
                .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
    }

    @Test
    void handle_reportsEveryRecordBeforeTheTimeout_whenDynamoDbStalls() throws Exception {
        // given a function with 12 s left and a DynamoDB whose every write hangs: each attempt may take 10 s, so
        // a write started near the deadline would outlive the invocation unless bounded by the time left
        KinesisEvent event = batchOf100();
        try (StallingEndpoint dynamoDb = new StallingEndpoint()) {
            IngestHandler handler = handlerAgainst(dynamoDb);
            TestContext context = TestContext.running(Duration.ofSeconds(12));

            // when
            StreamsEventResponse response = handler.handleRequest(event, context);

            // then the function returned while Lambda would still have let it, naming every record
            assertThat(context.getRemainingTimeInMillis()).isPositive();
            assertThat(reported(response)).isEqualTo(sequenceNumbersOf(event));
        }
    }

    @Test
    void handle_logsNoCredential_whenItsSignedRequestsFail() throws Exception {
        // given a client signing with recognisable credentials, against an endpoint that never answers
        try (StallingEndpoint dynamoDb = new StallingEndpoint()) {
            IngestHandler handler = handlerAgainst(dynamoDb);

            // when the writes time out and the function logs why
            String logged = logsWhile(() -> handler.handleRequest(batchOf100(),
                    TestContext.running(Duration.ofSeconds(3))));

            // then the requests were signed with those credentials, and no log line carries any part of them
            assertThat(dynamoDb.received()).contains("Credential=" + ACCESS_KEY_ID, SESSION_TOKEN);
            assertThat(logged).contains("items not written");
            assertThat(logged).doesNotContain(ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN);
        }
    }

    /** What the function writes to stdout and stderr (both go to CloudWatch Logs in Lambda) while it runs. */
    private static String logsWhile(Runnable action) {
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        PrintStream both = new PrintStream(logs, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            action.run();
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return logs.toString(StandardCharsets.UTF_8);
    }
}

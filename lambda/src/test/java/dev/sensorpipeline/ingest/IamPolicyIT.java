package dev.sensorpipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensorpipeline.testkit.LocalAws;
import dev.sensorpipeline.testkit.LocalTables;
import dev.sensorpipeline.testkit.MotoServer;
import dev.sensorpipeline.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The IAM policy grants the function exactly the DynamoDB actions it uses: the actions are taken from the calls
 * the function really makes, on every path (start-up, readings, rejects, refusals), not from a list kept by hand.
 */
class IamPolicyIT {

    private static final MotoServer MOTO = MotoServer.shared();

    @Test
    void policy_grantsExactlyTheDynamoDbActionsTheFunctionCalls_onTheTwoTablesOnly() throws IOException {
        // given
        MOTO.reset();
        LocalTables.createSensorTablesFromInfra(MOTO.endpoint());
        Set<String> called = new ConcurrentSkipListSet<>();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                called.add("dynamodb:" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        };

        // when the function starts and handles good and bad records
        IngestHandler handler = new IngestHandler(IngestFunction.fromEnvironment(
                Map.of("AWS_REGION", LocalAws.REGION.id()),
                builder -> builder.endpointOverride(MOTO.endpoint()).credentialsProvider(LocalAws.credentials())
                        .overrideConfiguration(c -> c.addExecutionInterceptor(recorder))));
        for (String payload : new String[] {"book-single-record.json", "mixed-bad-and-good.json"}) {
            handler.handleRequest(EventLoader.loadKinesisEvent(
                    ProjectFiles.resolve("test-payloads/" + payload).toString()), TestContext.withMinutesLeft(1));
        }

        // then
        JsonNode policy = new ObjectMapper().readTree(
                Files.readString(ProjectFiles.resolve("infra/lambda-permissions-policy.json")));
        Set<String> granted = new TreeSet<>();
        Set<String> resources = new TreeSet<>();
        for (JsonNode statement : policy.get("Statement")) {
            for (JsonNode action : statement.get("Action")) {
                if (action.asText().startsWith("dynamodb:")) {
                    granted.add(action.asText());
                    statement.get("Resource").forEach(resource -> resources.add(resource.asText()));
                }
            }
        }
        assertThat(granted).isEqualTo(new TreeSet<>(called));
        assertThat(resources).containsExactlyInAnyOrder(
                "arn:aws:dynamodb:*:*:table/SensorData", "arn:aws:dynamodb:*:*:table/SensorDataRejects");
    }

    /**
     * The alerts function's code lives in alerts/, which this module may not run (functions never stand on each
     * other), so its grants are held to the calls the alerts function's contract names (issue 11): Query on the
     * readings, GetItem/BatchGetItem on the overrides, PutItem/UpdateItem on the alerts, Publish on the topic; and
     * what Lambda does for its mapping: read the table's stream, write discarded batches to the failure bucket, logs.
     */
    @Test
    void alertsPolicy_grantsExactlyTheActionsOfTheAlertsFunctionAndItsMapping_eachOnItsOwnResource()
            throws IOException {
        // given
        JsonNode policy = new ObjectMapper().readTree(
                Files.readString(ProjectFiles.resolve("infra/alerts-permissions-policy.json")));

        // when
        Map<String, Set<String>> grants = new java.util.TreeMap<>();
        for (JsonNode statement : policy.get("Statement")) {
            assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
            for (JsonNode action : statement.get("Action")) {
                Set<String> resources = grants.computeIfAbsent(action.asText(), a -> new TreeSet<>());
                statement.get("Resource").forEach(resource -> resources.add(resource.asText()));
            }
        }

        // then
        String table = "arn:aws:dynamodb:*:*:table/";
        Set<String> stream = Set.of(table + "SensorData/stream/LATEST");
        Set<String> logs = Set.of("arn:aws:logs:*:*:log-group:/aws/lambda/sensor-alerts",
                "arn:aws:logs:*:*:log-group:/aws/lambda/sensor-alerts:*");
        assertThat(grants).isEqualTo(new java.util.TreeMap<>(Map.ofEntries(
                Map.entry("dynamodb:Query", Set.of(table + "SensorData")),
                Map.entry("dynamodb:GetItem", Set.of(table + "SensorAlertRules")),
                Map.entry("dynamodb:BatchGetItem", Set.of(table + "SensorAlertRules")),
                Map.entry("dynamodb:PutItem", Set.of(table + "SensorAlerts")),
                Map.entry("dynamodb:UpdateItem", Set.of(table + "SensorAlerts")),
                Map.entry("sns:Publish", Set.of("arn:aws:sns:*:*:sensor-alerts")),
                Map.entry("dynamodb:DescribeStream", stream),
                Map.entry("dynamodb:GetRecords", stream),
                Map.entry("dynamodb:GetShardIterator", stream),
                Map.entry("dynamodb:ListStreams", Set.of(table + "SensorData/stream/*")),
                Map.entry("s3:PutObject", Set.of("arn:aws:s3:::sensor-pipeline-failures/*")),
                Map.entry("s3:ListBucket", Set.of("arn:aws:s3:::sensor-pipeline-failures")),
                Map.entry("logs:CreateLogGroup", logs),
                Map.entry("logs:CreateLogStream", logs),
                Map.entry("logs:PutLogEvents", logs))));
    }
}

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
}

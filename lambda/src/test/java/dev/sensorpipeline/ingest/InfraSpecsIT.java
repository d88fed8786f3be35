package dev.sensorpipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensorpipeline.ingest.log.BatchMetrics;
import dev.sensorpipeline.testkit.AwsCli;
import dev.sensorpipeline.testkit.MotoServer;
import dev.sensorpipeline.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every file in infra/ is accepted by the real aws CLI, as users and deploy scripts pass it. */
class InfraSpecsIT {

    private static final MotoServer MOTO = MotoServer.shared();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static AwsCli cli;

    @BeforeAll
    static void startFromNothing() {
        MOTO.reset();
        cli = new AwsCli(MOTO.endpoint());
    }

    private static JsonNode run(String... args) throws IOException {
        String stdout = cli.run(args).orThrow().stdout();
        return stdout.isBlank() ? JSON.createObjectNode() : JSON.readTree(stdout);
    }

    @Test
    void itemCollectionAlarm_isPutFromItsInfraFile_onTheFunctionsItemCollectionMetric() throws IOException {
        // when
        run("cloudwatch", "put-metric-alarm", "--cli-input-json", "file://infra/alarm-item-collection-full.json");

        // then
        JsonNode alarm = run("cloudwatch", "describe-alarms").at("/MetricAlarms/0");
        assertThat(alarm.get("Namespace").asText()).isEqualTo(BatchMetrics.NAMESPACE);
        // the name of the field BatchMetrics logs; IngestHandlerTest reads it from the batch's log line
        assertThat(alarm.get("MetricName").asText()).isEqualTo("itemCollectionLimitExceeded");
        assertThat(alarm.at("/Dimensions/0/Name").asText()).isEqualTo("FunctionName");
    }

    @Test
    void tablesStreamRoleFunctionAndMapping_areCreatedFromTheInfraFiles() throws IOException {
        // when
        JsonNode table = run("dynamodb", "create-table", "--cli-input-json", "file://infra/sensor-data-table.json");
        run("dynamodb", "create-table", "--cli-input-json", "file://infra/sensor-data-rejects-table.json");
        run("kinesis", "create-stream", "--cli-input-json", "file://infra/temperature-sensor-stream.json");
        JsonNode role = run("iam", "create-role", "--role-name", "sensor-ingest-role",
                "--assume-role-policy-document", "file://infra/lambda-kinesis-role.json");
        run("iam", "put-role-policy", "--role-name", "sensor-ingest-role", "--policy-name", "sensor-ingest",
                "--policy-document", "file://infra/lambda-permissions-policy.json");
        String roleArn = role.at("/Role/Arn").asText();
        JsonNode function = run("lambda", "create-function", "--cli-input-json", "file://infra/lambda-function.json",
                "--role", roleArn, "--zip-file", "fileb://lambda/target/sensor-ingest-lambda.jar");
        String streamArn = run("kinesis", "describe-stream-summary", "--stream-name", "temperature-sensor-data")
                .at("/StreamDescriptionSummary/StreamARN").asText();
        JsonNode mapping = run("lambda", "create-event-source-mapping", "--cli-input-json",
                "file://infra/event-source-mapping.json", "--event-source-arn", streamArn);

        // then
        JsonNode tableDescription = table.get("TableDescription");
        assertThat(tableDescription.at("/KeySchema/0/AttributeName").asText()).isEqualTo("SensorId");
        assertThat(tableDescription.at("/KeySchema/1/AttributeName").asText()).isEqualTo("CurrentTime");
        assertThat(tableDescription.at("/LocalSecondaryIndexes/0/IndexName").asText()).isEqualTo("TemperatureIndex");
        assertThat(function.get("Handler").asText()).isEqualTo("dev.sensorpipeline.ingest.IngestHandler::handleRequest");
        assertThat(function.get("Role").asText()).isEqualTo(roleArn);
        assertThat(mapping.get("FunctionResponseTypes").get(0).asText()).isEqualTo("ReportBatchItemFailures");
        assertThat(mapping.get("EventSourceArn").asText()).isEqualTo(streamArn);
    }

    @Test
    void alertsTablesRoleFunctionAndMapping_areCreatedFromTheInfraFiles_theMappingPassingOnlyInsertAndModify()
            throws IOException {
        // given a readings table of its own name, with the stream its spec gives it
        String streamArn = run("dynamodb", "create-table", "--cli-input-json", "file://infra/sensor-data-table.json",
                "--table-name", "AlertsSpecReadings").at("/TableDescription/LatestStreamArn").asText();

        // when
        JsonNode alerts = run("dynamodb", "create-table", "--cli-input-json",
                "file://infra/sensor-alerts-table.json");
        JsonNode rules = run("dynamodb", "create-table", "--cli-input-json",
                "file://infra/sensor-alert-rules-table.json");
        JsonNode role = run("iam", "create-role", "--role-name", "sensor-alerts-role",
                "--assume-role-policy-document", "file://infra/lambda-kinesis-role.json");
        run("iam", "put-role-policy", "--role-name", "sensor-alerts-role", "--policy-name", "sensor-alerts",
                "--policy-document", "file://infra/alerts-permissions-policy.json");
        // the ingest jar stands in for the code: what is checked here is the spec's acceptance
        JsonNode function = run("lambda", "create-function", "--cli-input-json", "file://infra/alerts-function.json",
                "--role", role.at("/Role/Arn").asText(), "--zip-file",
                "fileb://lambda/target/sensor-ingest-lambda.jar");
        JsonNode mapping = run("lambda", "create-event-source-mapping", "--cli-input-json",
                "file://infra/alerts-event-source-mapping.json", "--event-source-arn", streamArn);

        // then
        assertThat(streamArn).contains("table/AlertsSpecReadings/stream/");
        assertThat(alerts.at("/TableDescription/KeySchema/0/AttributeName").asText()).isEqualTo("SensorId");
        assertThat(alerts.at("/TableDescription/KeySchema/1/AttributeName").asText()).isEqualTo("AlertKey");
        assertThat(rules.at("/TableDescription/KeySchema").size()).isEqualTo(1);
        assertThat(rules.at("/TableDescription/KeySchema/0/AttributeName").asText()).isEqualTo("SensorId");
        assertThat(function.get("Handler").asText())
                .isEqualTo("dev.sensorpipeline.alerts.AlertsHandler::handleRequest");
        assertThat(mapping.get("EventSourceArn").asText()).isEqualTo(streamArn);
        assertThat(mapping.get("FunctionResponseTypes").get(0).asText()).isEqualTo("ReportBatchItemFailures");
        assertThat(mapping.get("BisectBatchOnFunctionError").asBoolean()).isTrue();
        assertThat(mapping.get("MaximumRetryAttempts").asInt()).isBetween(0, 100);
        assertThat(mapping.get("MaximumRecordAgeInSeconds").asInt()).isBetween(60, 24 * 3600 - 1);
        JsonNode filters = mapping.at("/FilterCriteria/Filters");
        assertThat(filters).hasSize(1);
        assertThat(JSON.readTree(filters.get(0).get("Pattern").asText()))
                .isEqualTo(JSON.readTree("{\"eventName\": [\"INSERT\", \"MODIFY\"]}"));
    }

    @Test
    void functionSpec_turnsSnapStartOnForPublishedVersions_onARuntimeThatHasIt() throws IOException {
        // when
        JsonNode spec = JSON.readTree(ProjectFiles.root().resolve("infra/lambda-function.json").toFile());

        // then: deploy.sh publishes a version and points the mapping at an alias, since SnapStart applies to
        // published versions only
        assertThat(spec.at("/SnapStart/ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(spec.get("Runtime").asText()).isIn("java11", "java17", "java21", "java25");
    }

    @ParameterizedTest
    @ValueSource(strings = {"infra/lambda-permissions-policy.json", "infra/alerts-permissions-policy.json"})
    void permissionsPolicy_grantsNoWildcardActionAndNoManagedFullAccess(String file) throws IOException {
        // given
        JsonNode policy = JSON.readTree(Files.readString(ProjectFiles.resolve(file)));

        // then
        for (JsonNode statement : policy.get("Statement")) {
            assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
            for (JsonNode action : statement.get("Action")) {
                assertThat(action.asText()).doesNotContain("*");
            }
            for (JsonNode resource : statement.get("Resource")) {
                assertThat(resource.asText()).isNotEqualTo("*").doesNotEndWith(":*:*");
            }
        }
        assertThat(policy.toString()).doesNotContain("FullAccess");
    }

    @Test
    void failureBucketPolicy_refusesEveryRequestWithoutTls_onTheBucketAndItsDocuments() throws IOException {
        // given
        JsonNode policy = JSON.readTree(Files.readString(ProjectFiles.resolve("infra/failure-bucket-policy.json")));

        // then
        JsonNode statement = policy.at("/Statement/0");
        assertThat(statement.get("Effect").asText()).isEqualTo("Deny");
        assertThat(statement.get("Action").asText()).isEqualTo("s3:*");
        assertThat(statement.at("/Condition/Bool/aws:SecureTransport").asText()).isEqualTo("false");
        assertThat(statement.get("Resource")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "arn:aws:s3:::sensor-pipeline-failures", "arn:aws:s3:::sensor-pipeline-failures/*");
    }
}

package dev.sensorpipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensorpipeline.testkit.AwsCli;
import dev.sensorpipeline.testkit.LocalAws;
import dev.sensorpipeline.testkit.MotoServer;
import dev.sensorpipeline.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** scripts/deploy.sh and scripts/teardown.sh as users run them, against a local endpoint of their own. */
class DeployScriptsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MotoServer moto;
    private AwsCli cli;

    record Run(int exitCode, String stdout, String stderr) {
    }

    @BeforeEach
    void startAnEndpointOfOurOwn() {
        moto = MotoServer.start();
        cli = new AwsCli(moto.endpoint());
    }

    @AfterEach
    void stopIt() {
        moto.close();
    }

    private Run script(Map<String, String> env, String name, String... args) throws IOException, InterruptedException {
        Path root = ProjectFiles.root();
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("scripts/" + name).toString()));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("script-", ".out");
        Path stderr = Files.createTempFile("script-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as(name + " finished").isTrue();
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private Map<String, String> localEnv() {
        return LocalAws.environment(moto.endpoint());
    }

    private JsonNode aws(String... args) throws IOException {
        return JSON.readTree(cli.run(args).orThrow().stdout());
    }

    @Test
    void deploy_twice_leavesOneFunctionAndOneMappingReportingFailuresEach_withALeastPrivilegePolicyEach()
            throws Exception {
        // when
        Run first = script(localEnv(), "deploy.sh");
        Run second = script(localEnv(), "deploy.sh");

        // then
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        for (String function : List.of("sensor-ingest", "sensor-alerts")) {
            assertThat(second.stdout()).contains("function " + function + ": exists; updating")
                    .contains("function " + function + ": code and configuration unchanged; alias live stays at"
                            + " version 1, nothing published");
            assertThat(aws("lambda", "list-versions-by-function", "--function-name", function).get("Versions"))
                    .extracting(version -> version.get("Version").asText()).containsExactlyInAnyOrder("$LATEST", "1");
        }
        assertThat(aws("lambda", "list-functions").get("Functions"))
                .extracting(function -> function.get("FunctionName").asText())
                .containsExactlyInAnyOrder("sensor-ingest", "sensor-alerts");
        assertThat(aws("lambda", "list-event-source-mappings").get("EventSourceMappings")).hasSize(2);
        JsonNode ingestMapping = onlyMappingOf(kinesisStreamArn());
        assertInvokesTheLiveAliasAtTheLatestVersion(ingestMapping, "sensor-ingest");
        JsonNode alertsMapping = onlyMappingOf(tableStreamArn());
        assertInvokesTheLiveAliasAtTheLatestVersion(alertsMapping, "sensor-alerts");
        for (JsonNode mapping : List.of(ingestMapping, alertsMapping)) {
            assertThat(mapping.get("FunctionResponseTypes").get(0).asText()).isEqualTo("ReportBatchItemFailures");
            assertThat(mapping.get("BisectBatchOnFunctionError").asBoolean()).isTrue();
        }
        assertThat(aws("dynamodb", "list-tables").get("TableNames").toString())
                .contains("SensorData", "SensorDataRejects", "SensorAlerts", "SensorAlertRules");
        for (String function : List.of("sensor-ingest", "sensor-alerts")) {
            JsonNode policy = aws("iam", "get-role-policy", "--role-name", function + "-role",
                    "--policy-name", function + "-permissions").get("PolicyDocument");
            assertThat(policy.toString()).as(function).doesNotContain("\"*\"").doesNotContain(":*:*:")
                    .doesNotContain("FullAccess");
            assertThat(aws("iam", "list-attached-role-policies", "--role-name", function + "-role")
                    .get("AttachedPolicies")).as(function).isEmpty();
        }
    }

    @Test
    void deploy_twice_withAlertEmail_subscribesTheAddressToTheAlertsTopicOnce() throws Exception {
        // given
        Map<String, String> env = Map.of("ALERT_EMAIL", "oncall@example.com");

        // when
        Run first = deploy(env);
        Run second = deploy(env);

        // then
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).contains("alerts topic sensor-alerts: oncall@example.com already subscribed");
        String topic = "arn:aws:sns:" + LocalAws.REGION.id() + ":"
                + aws("sts", "get-caller-identity").get("Account").asText() + ":sensor-alerts";
        assertThat(aws("sns", "list-subscriptions-by-topic", "--topic-arn", topic).get("Subscriptions"))
                .extracting(subscription -> subscription.get("Protocol").asText() + " "
                        + subscription.get("Endpoint").asText())
                .containsExactly("email oncall@example.com");
        assertThat(aws("lambda", "get-function-configuration", "--function-name", "sensor-alerts")
                .at("/Environment/Variables/ALERT_TOPIC_ARN").asText()).isEqualTo(topic);
    }

    @Test
    void deploy_onAReadingsTableMadeWithoutAStream_enablesItsNewImageStream_andMapsTheAlertsFunctionToIt()
            throws Exception {
        // given a SensorData deployed before the alerts side, without a stream
        cli.run("dynamodb", "create-table", "--table-name", "SensorData", "--attribute-definitions",
                "AttributeName=SensorId,AttributeType=S", "AttributeName=CurrentTime,AttributeType=N",
                "--key-schema", "AttributeName=SensorId,KeyType=HASH", "AttributeName=CurrentTime,KeyType=RANGE",
                "--billing-mode", "PAY_PER_REQUEST", "--tags", "Key=project,Value=sensor-pipeline").orThrow();

        // when
        Run run = deploy(Map.of());

        // then
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("stream of SensorData: enabling (NEW_IMAGE)");
        JsonNode stream = aws("dynamodb", "describe-table", "--table-name", "SensorData")
                .at("/Table/StreamSpecification");
        assertThat(stream.get("StreamEnabled").asBoolean()).isTrue();
        assertThat(stream.get("StreamViewType").asText()).isEqualTo("NEW_IMAGE");
        JsonNode mapping = onlyMappingOf(tableStreamArn());
        assertThat(mapping.get("FunctionArn").asText()).contains(":function:sensor-alerts");
        assertThat(mapping.at("/FilterCriteria/Filters").toString()).contains("INSERT", "MODIFY");
    }

    @Test
    void deploy_withDeployAlertsFalse_makesTheIngestSideOnly_andSaysSo() throws Exception {
        // given a readings table of another name, as scripts/bench.sh deploys its baseline
        Map<String, String> env = Map.of("DEPLOY_ALERTS", "false", "TABLE_NAME", "Readings",
                "STREAM_NAME", "readings", "FUNCTION_NAME", "ingest-only");

        // when
        Run run = deploy(env);

        // then
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("alerts side: not deployed (DEPLOY_ALERTS=false)")
                .contains("alerts    not deployed (DEPLOY_ALERTS=false)");
        assertThat(aws("lambda", "list-functions").get("Functions"))
                .extracting(function -> function.get("FunctionName").asText()).containsExactly("ingest-only");
        assertThat(aws("lambda", "list-event-source-mappings").get("EventSourceMappings")).hasSize(1);
        assertThat(aws("dynamodb", "list-tables").get("TableNames").toString())
                .doesNotContain("SensorAlerts").doesNotContain("SensorAlertRules");
        assertThat(aws("sns", "list-topics").get("Topics")).isEmpty();
        assertThat(aws("cloudwatch", "describe-alarms").get("MetricAlarms").toString())
                .doesNotContain("sensor-alerts");
    }

    private String kinesisStreamArn() throws IOException {
        return aws("kinesis", "describe-stream-summary", "--stream-name", "temperature-sensor-data")
                .at("/StreamDescriptionSummary/StreamARN").asText();
    }

    private String tableStreamArn() throws IOException {
        return aws("dynamodb", "describe-table", "--table-name", "SensorData").at("/Table/LatestStreamArn").asText();
    }

    /** The one event source mapping of this source; fails when there are none or several. */
    private JsonNode onlyMappingOf(String sourceArn) throws IOException {
        JsonNode mappings = aws("lambda", "list-event-source-mappings", "--event-source-arn", sourceArn)
                .get("EventSourceMappings");
        assertThat(mappings).as("mappings of " + sourceArn).hasSize(1);
        return mappings.get(0);
    }

    /**
     * The alias points at the latest published version and the mapping invokes the alias. AWS keeps the alias ARN in
     * the mapping; moto stores the version the alias pointed at when the mapping was last written: either is right.
     */
    private void assertInvokesTheLiveAliasAtTheLatestVersion(JsonNode mapping, String function) throws IOException {
        JsonNode versions = aws("lambda", "list-versions-by-function", "--function-name", function)
                .get("Versions");
        int latestVersion = 0;
        for (JsonNode version : versions) {
            if (!version.get("Version").asText().equals("$LATEST")) {
                latestVersion = Math.max(latestVersion, Integer.parseInt(version.get("Version").asText()));
            }
        }
        JsonNode alias = aws("lambda", "get-alias", "--function-name", function, "--name", "live");
        assertThat(alias.get("FunctionVersion").asText()).isEqualTo(Integer.toString(latestVersion));
        String functionArn = aws("lambda", "get-function-configuration", "--function-name", function)
                .get("FunctionArn").asText();
        assertThat(mapping.get("FunctionArn").asText())
                .isIn(alias.get("AliasArn").asText(), functionArn + ":" + latestVersion);
    }

    @Test
    void deploy_ofNewCode_publishesAVersion_andMovesTheAliasAndTheOneMapping_evenOneOnTheFunctionItself()
            throws Exception {
        // given: a deploy, whose mapping is then put back on the function itself, as deploys before aliases made it
        assertThat(script(localEnv(), "deploy.sh").exitCode()).isZero();
        String firstVersion = aws("lambda", "get-alias", "--function-name", "sensor-ingest", "--name", "live")
                .get("FunctionVersion").asText();
        String uuid = onlyMappingOf(kinesisStreamArn()).get("UUID").asText();
        aws("lambda", "update-event-source-mapping", "--uuid", uuid, "--function-name", "sensor-ingest");
        Path otherBuild = Files.createTempFile("other-build-", ".jar");
        Files.copy(ProjectFiles.root().resolve("lambda/target/sensor-ingest-lambda.jar"), otherBuild,
                StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem jar = FileSystems.newFileSystem(otherBuild)) {
            Files.writeString(jar.getPath("deployed-build.txt"), "another build");
        }
        Map<String, String> env = new HashMap<>(localEnv());
        env.put("FUNCTION_JAR", otherBuild.toString());

        // when
        Run redeploy;
        try {
            redeploy = script(env, "deploy.sh");
        } finally {
            Files.delete(otherBuild);
        }

        // then
        assertThat(redeploy.exitCode()).as(redeploy.stderr()).isZero();
        assertThat(redeploy.stdout()).contains("alias live: moving to version");
        String secondVersion = aws("lambda", "get-alias", "--function-name", "sensor-ingest", "--name", "live")
                .get("FunctionVersion").asText();
        assertThat(Integer.parseInt(secondVersion)).isGreaterThan(Integer.parseInt(firstVersion));
        assertThat(aws("lambda", "list-event-source-mappings").get("EventSourceMappings")).hasSize(2);
        JsonNode mapping = onlyMappingOf(kinesisStreamArn());
        assertThat(mapping.get("UUID").asText()).isEqualTo(uuid);
        assertInvokesTheLiveAliasAtTheLatestVersion(mapping, "sensor-ingest");
    }

    @Test
    void deploy_honoursNameOverrides_inTheTablesAndThePolicy() throws Exception {
        // when
        Run run = deploy(Map.of("TABLE_NAME", "Readings", "STREAM_NAME", "readings"));

        // then
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        String policy = aws("iam", "get-role-policy", "--role-name", "sensor-ingest-role",
                "--policy-name", "sensor-ingest-permissions").get("PolicyDocument").toString();
        assertThat(policy).contains("table/Readings\"", "stream/readings\"").doesNotContain("table/SensorData\"");
        JsonNode variables = aws("lambda", "get-function-configuration", "--function-name", "sensor-ingest")
                .at("/Environment/Variables");
        assertThat(variables.get("TABLE_NAME").asText()).isEqualTo("Readings");
    }

    @Test
    void deploy_withReadingTtlDays_enablesTtlOnExpiresAt_andSetsTheVariable_andASecondDeployChangesNothing()
            throws Exception {
        // given
        String topicArn = aws("sns", "create-topic", "--name", "sensor-alarms").get("TopicArn").asText();
        Map<String, String> env = new HashMap<>(localEnv());
        env.put("READING_TTL_DAYS", "30");
        env.put("ALARM_TOPIC_ARN", topicArn);

        // when
        Run first = script(env, "deploy.sh");
        Run second = script(env, "deploy.sh");

        // then
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(first.stdout()).contains("TTL on SensorData: enabling on ExpiresAt");
        assertThat(second.stdout()).contains("TTL on SensorData: already ENABLED on ExpiresAt")
                .doesNotContain("enabling on ExpiresAt");
        JsonNode ttl = aws("dynamodb", "describe-time-to-live", "--table-name", "SensorData")
                .get("TimeToLiveDescription");
        assertThat(ttl.get("TimeToLiveStatus").asText()).isEqualTo("ENABLED");
        assertThat(ttl.get("AttributeName").asText()).isEqualTo("ExpiresAt");
        assertThat(aws("lambda", "get-function-configuration", "--function-name", "sensor-ingest")
                .at("/Environment/Variables/READING_TTL_DAYS").asText()).isEqualTo("30");
        JsonNode alarm = aws("cloudwatch", "describe-alarms", "--alarm-names", "sensor-ingest-item-collection-full")
                .at("/MetricAlarms/0");
        assertThat(alarm.get("MetricName").asText()).isEqualTo("itemCollectionLimitExceeded");
        assertThat(alarm.at("/Dimensions/0/Value").asText()).isEqualTo("sensor-ingest");
        assertThat(alarm.at("/AlarmActions/0").asText()).isEqualTo(topicArn);
    }

    @Test
    void deploy_withReadingTtlDays_failsSayingWhatToDo_whenTtlIsOnAnotherAttribute() throws Exception {
        // given a SensorData whose TTL someone enabled on another attribute
        cli.run("dynamodb", "create-table", "--cli-input-json", "file://infra/sensor-data-table.json").orThrow();
        cli.run("dynamodb", "update-time-to-live", "--table-name", "SensorData",
                "--time-to-live-specification", "Enabled=true,AttributeName=ValidUntil").orThrow();
        // when
        Run run = deploy(Map.of("READING_TTL_DAYS", "30"));

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("TTL on SensorData is ENABLED on ValidUntil, not ExpiresAt",
                "Enabled=false,AttributeName=ValidUntil");
        assertThat(aws("dynamodb", "describe-time-to-live", "--table-name", "SensorData")
                .at("/TimeToLiveDescription/AttributeName").asText()).isEqualTo("ValidUntil");
    }

    // An iterator age threshold of 60 is one in seconds, as someone might think it is.
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "READING_TTL_DAYS      | 30d | READING_TTL_DAYS='30d' is not a whole number of days",
        "ITERATOR_AGE_ALARM_MS | 60  | ITERATOR_AGE_ALARM_MS='60' is not a whole number of milliseconds",
        "DEPLOY_ALERTS         | no  | DEPLOY_ALERTS='no' is neither true nor false"})
    void deploy_refusesASettingNotInItsUnit_beforeMakingAnything(String variable, String value, String message)
            throws Exception {
        // when
        Run run = deploy(Map.of(variable, value));

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains(message);
        assertThat(aws("dynamodb", "list-tables").get("TableNames")).isEmpty();
    }

    /** Runs deploy.sh against the local endpoint with these variables set besides. */
    private Run deploy(Map<String, String> variables) throws Exception {
        Map<String, String> env = new HashMap<>(localEnv());
        env.putAll(variables);
        return script(env, "deploy.sh");
    }

    private String defaultFailureBucket() throws IOException {
        return "sensor-pipeline-failures-" + aws("sts", "get-caller-identity").get("Account").asText() + "-"
                + LocalAws.REGION.id();
    }

    @Test
    void deploy_keepsDiscardedBatchesInAPrivateBucket_asTheMappingsDestination_withANarrowPolicy() throws Exception {
        // when
        Run run = deploy(Map.of("FAILURE_RETENTION_DAYS", "7"));

        // then the bucket is private, tagged, and its documents expire after the days asked for
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        String bucket = defaultFailureBucket();
        JsonNode block = aws("s3api", "get-public-access-block", "--bucket", bucket)
                .get("PublicAccessBlockConfiguration");
        assertThat(List.of("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"))
                .allSatisfy(setting -> assertThat(block.get(setting).asBoolean()).as(setting).isTrue());
        assertThat(aws("s3api", "get-bucket-encryption", "--bucket", bucket)
                .at("/ServerSideEncryptionConfiguration/Rules/0/ApplyServerSideEncryptionByDefault/SSEAlgorithm")
                .asText()).isEqualTo("AES256");
        assertThat(aws("s3api", "get-bucket-lifecycle-configuration", "--bucket", bucket)
                .at("/Rules/0/Expiration/Days").asInt()).isEqualTo(7);
        assertThat(aws("s3api", "get-bucket-tagging", "--bucket", bucket).get("TagSet").toString())
                .contains("\"Key\":\"project\"", "\"Value\":\"sensor-pipeline\"");
        // and each mapping sends what Lambda gives up on there, while each role may write to that bucket only
        JsonNode mappings = aws("lambda", "list-event-source-mappings").get("EventSourceMappings");
        assertThat(mappings).hasSize(2);
        for (JsonNode mapping : mappings) {
            assertThat(mapping.at("/DestinationConfig/OnFailure/Destination").asText())
                    .isEqualTo("arn:aws:s3:::" + bucket);
            assertThat(mapping.get("MaximumRecordAgeInSeconds").asInt()).isLessThan(24 * 3600);
        }
        for (String function : List.of("sensor-ingest", "sensor-alerts")) {
            assertThat(s3GrantsOf(function)).as(function).containsExactlyInAnyOrder(
                    "s3:PutObject arn:aws:s3:::" + bucket + "/*", "s3:ListBucket arn:aws:s3:::" + bucket);
        }
    }

    /** The S3 actions the function's inline policy grants, each with its resource, each pinned to this account. */
    private List<String> s3GrantsOf(String function) throws IOException {
        JsonNode policy = aws("iam", "get-role-policy", "--role-name", function + "-role",
                "--policy-name", function + "-permissions").get("PolicyDocument");
        List<String> s3Grants = new ArrayList<>();
        for (JsonNode statement : policy.get("Statement")) {
            for (JsonNode action : statement.get("Action")) {
                if (action.asText().startsWith("s3:")) {
                    statement.get("Resource").forEach(r -> s3Grants.add(action.asText() + " " + r.asText()));
                    assertThat(statement.at("/Condition/StringEquals/s3:ResourceAccount").asText())
                            .isEqualTo(aws("sts", "get-caller-identity").get("Account").asText());
                }
            }
        }
        return s3Grants;
    }

    @Test
    void deploy_putsAnAlarmForEachWayOfLosingTrack_andADashboard_notifyingATopicMadeForAnEmail() throws Exception {
        // when
        Run run = deploy(Map.of("ALARM_EMAIL", "ops@example.com"));

        // then
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        Map<String, JsonNode> alarms = new HashMap<>();
        aws("cloudwatch", "describe-alarms").get("MetricAlarms")
                .forEach(alarm -> alarms.put(alarm.get("AlarmName").asText(), alarm));
        assertThat(alarms).containsOnlyKeys("sensor-ingest-iterator-age", "sensor-ingest-function-errors",
                "sensor-ingest-destination-delivery-failures", "sensor-ingest-readings-failed",
                "sensor-ingest-item-collection-full", "sensor-alerts-iterator-age", "sensor-alerts-function-errors",
                "sensor-alerts-destination-delivery-failures");
        for (String alarm : List.of("iterator-age", "function-errors", "destination-delivery-failures")) {
            JsonNode ofAlerts = alarms.get("sensor-alerts-" + alarm);
            assertThat(ofAlerts.get("Namespace").asText()).as(alarm).isEqualTo("AWS/Lambda");
            assertThat(ofAlerts.at("/Dimensions/0/Value").asText()).as(alarm).isEqualTo("sensor-alerts");
        }
        JsonNode lag = alarms.get("sensor-ingest-iterator-age");
        assertThat(lag.get("Namespace").asText() + " " + lag.get("MetricName").asText())
                .isEqualTo("AWS/Lambda IteratorAge");
        assertThat(lag.get("Threshold").asDouble()).isEqualTo(60000.0);
        assertThat(alarms.get("sensor-ingest-readings-failed").get("Namespace").asText())
                .isEqualTo(dev.sensorpipeline.ingest.log.BatchMetrics.NAMESPACE);
        String topic = "arn:aws:sns:" + LocalAws.REGION.id() + ":"
                + aws("sts", "get-caller-identity").get("Account").asText() + ":sensor-ingest-alarms";
        assertThat(alarms.values()).allSatisfy(alarm ->
                assertThat(alarm.get("AlarmActions").toString()).contains(topic));
        assertThat(aws("sns", "list-subscriptions-by-topic", "--topic-arn", topic).get("Subscriptions"))
                .extracting(subscription -> subscription.get("Endpoint").asText()).containsExactly("ops@example.com");
        JsonNode dashboard = aws("cloudwatch", "get-dashboard", "--dashboard-name", "sensor-ingest-dashboard");
        assertThat(dashboard.get("DashboardBody").asText())
                .contains("IteratorAge", "IncomingRecords", "WriteThrottleEvents", "\"failed\"", "Duration");
    }

    @Test
    void teardown_keepsAFailureBucketThatHoldsDocuments_sayingHowMany_andDeletesItWithDeleteFailures()
            throws Exception {
        // given a failure document no one has replayed
        assertThat(script(localEnv(), "deploy.sh").exitCode()).isZero();
        String bucket = defaultFailureBucket();
        Path document = Files.createTempFile("failure-", ".json");
        Files.writeString(document, "{\"version\":\"1.0\"}");
        cli.run("s3api", "put-object", "--bucket", bucket, "--key",
                "aws/lambda/uuid/shardId-000000000000/2026/12/03/2026-12-03T10.00.00-d0c", "--body",
                document.toString()).orThrow();

        // when
        Run kept = script(localEnv(), "teardown.sh", "--yes");

        // then
        assertThat(kept.exitCode()).as(kept.stderr()).isZero();
        assertThat(kept.stdout()).contains("kept: it holds 1 failure documents")
                .contains("except the bucket " + bucket);
        assertThat(aws("s3api", "list-buckets").get("Buckets")).hasSize(1);
        assertThat(aws("kinesis", "list-streams").get("StreamNames")).isEmpty();

        // when
        Run deleted = script(localEnv(), "teardown.sh", "--yes", "--delete-failures");

        // then
        assertThat(deleted.exitCode()).as(deleted.stderr()).isZero();
        assertThat(deleted.stdout()).contains("deleting, with 1 failure documents");
        assertThat(aws("s3api", "list-buckets").get("Buckets")).isEmpty();
    }

    @Test
    void teardown_removesEverythingDeployMade_andLeavesWhatItDidNotMake() throws Exception {
        // given
        assertThat(script(localEnv(), "deploy.sh").exitCode()).isZero();
        cli.run("dynamodb", "create-table", "--table-name", "SomeoneElses", "--attribute-definitions",
                "AttributeName=k,AttributeType=S", "--key-schema", "AttributeName=k,KeyType=HASH",
                "--billing-mode", "PAY_PER_REQUEST").orThrow();

        // when
        Run run = script(localEnv(), "teardown.sh", "--yes");

        // then
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(aws("lambda", "list-functions").get("Functions")).isEmpty();
        assertThat(aws("lambda", "list-event-source-mappings").get("EventSourceMappings")).isEmpty();
        assertThat(aws("kinesis", "list-streams").get("StreamNames")).isEmpty();
        assertThat(aws("iam", "list-roles").get("Roles").toString()).doesNotContain("sensor-ingest-role")
                .doesNotContain("sensor-alerts-role");
        assertThat(aws("sns", "list-topics").get("Topics")).isEmpty();
        assertThat(aws("dynamodb", "list-tables").get("TableNames").toString()).isEqualTo("[\"SomeoneElses\"]");
        assertThat(aws("cloudwatch", "describe-alarms").get("MetricAlarms")).isEmpty();
        assertThat(aws("cloudwatch", "list-dashboards").get("DashboardEntries")).isEmpty();
        assertThat(aws("s3api", "list-buckets").get("Buckets")).isEmpty();
    }

    @Test
    void teardown_leavesAlone_aSameNamedTableThatDeployDidNotMake() throws Exception {
        // given a SensorData of someone else's, without deploy.sh's tag
        cli.run("dynamodb", "create-table", "--cli-input-json", "file://infra/sensor-data-table.json",
                "--tags", "Key=owner,Value=someone-else").orThrow();

        // when
        Run run = script(localEnv(), "teardown.sh", "--yes");

        // then
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("table SensorData: not created by deploy.sh");
        assertThat(aws("dynamodb", "list-tables").get("TableNames").toString()).contains("SensorData");
    }

    @Test
    void teardown_refusesWithoutYes_whenThereIsNoTerminalToAsk() throws Exception {
        // when
        Run run = script(localEnv(), "teardown.sh");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("pass --yes to confirm");
    }

    @Test
    void deploy_refusesArguments_namingThem() throws Exception {
        // when
        Run run = script(localEnv(), "deploy.sh", "--stream", "x");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("takes no arguments (got '--stream x')");
    }

    @Test
    void deploy_refusesToRun_withoutARegion() throws Exception {
        // when
        Run run = deploy(Map.of("AWS_REGION", "", "AWS_DEFAULT_REGION", "", "AWS_CONFIG_FILE", "/dev/null"));

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("no AWS region. Set AWS_REGION");
    }
}

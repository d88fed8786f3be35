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
    void deploy_twice_leavesOneFunctionAndOneMappingReportingFailures_withALeastPrivilegePolicy() throws Exception {
        // when
        Run first = script(localEnv(), "deploy.sh");
        Run second = script(localEnv(), "deploy.sh");

        // then
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).contains("function sensor-ingest: exists; updating")
                .contains("code and configuration unchanged; alias live stays at version 1, nothing published");
        assertThat(aws("lambda", "list-versions-by-function", "--function-name", "sensor-ingest").get("Versions"))
                .extracting(version -> version.get("Version").asText()).containsExactlyInAnyOrder("$LATEST", "1");
        assertThat(aws("lambda", "list-functions").get("Functions")).hasSize(1);
        JsonNode mappings = aws("lambda", "list-event-source-mappings").get("EventSourceMappings");
        assertThat(mappings).hasSize(1);
        assertInvokesTheLiveAliasAtTheLatestVersion(mappings.get(0));
        assertThat(mappings.get(0).get("FunctionResponseTypes").get(0).asText()).isEqualTo("ReportBatchItemFailures");
        assertThat(mappings.get(0).get("BisectBatchOnFunctionError").asBoolean()).isTrue();
        assertThat(aws("dynamodb", "list-tables").get("TableNames").toString())
                .contains("SensorData", "SensorDataRejects");
        JsonNode policy = aws("iam", "get-role-policy", "--role-name", "sensor-ingest-role",
                "--policy-name", "sensor-ingest-permissions").get("PolicyDocument");
        assertThat(policy.toString()).doesNotContain("\"*\"").doesNotContain(":*:*:").doesNotContain("FullAccess");
        assertThat(aws("iam", "list-attached-role-policies", "--role-name", "sensor-ingest-role")
                .get("AttachedPolicies")).isEmpty();
    }

    /**
     * The alias points at the latest published version and the mapping invokes the alias. AWS keeps the alias ARN in
     * the mapping; moto stores the version the alias pointed at when the mapping was last written: either is right.
     */
    private void assertInvokesTheLiveAliasAtTheLatestVersion(JsonNode mapping) throws IOException {
        JsonNode versions = aws("lambda", "list-versions-by-function", "--function-name", "sensor-ingest")
                .get("Versions");
        int latestVersion = 0;
        for (JsonNode version : versions) {
            if (!version.get("Version").asText().equals("$LATEST")) {
                latestVersion = Math.max(latestVersion, Integer.parseInt(version.get("Version").asText()));
            }
        }
        JsonNode alias = aws("lambda", "get-alias", "--function-name", "sensor-ingest", "--name", "live");
        assertThat(alias.get("FunctionVersion").asText()).isEqualTo(Integer.toString(latestVersion));
        String functionArn = aws("lambda", "get-function-configuration", "--function-name", "sensor-ingest")
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
        String uuid = aws("lambda", "list-event-source-mappings").at("/EventSourceMappings/0/UUID").asText();
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
        JsonNode mappings = aws("lambda", "list-event-source-mappings").get("EventSourceMappings");
        assertThat(mappings).hasSize(1);
        assertThat(mappings.get(0).get("UUID").asText()).isEqualTo(uuid);
        assertInvokesTheLiveAliasAtTheLatestVersion(mappings.get(0));
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
        "ITERATOR_AGE_ALARM_MS | 60  | ITERATOR_AGE_ALARM_MS='60' is not a whole number of milliseconds"})
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
        // and the mapping sends what Lambda gives up on there, while the role may write to that bucket only
        JsonNode mapping = aws("lambda", "list-event-source-mappings").at("/EventSourceMappings/0");
        assertThat(mapping.at("/DestinationConfig/OnFailure/Destination").asText())
                .isEqualTo("arn:aws:s3:::" + bucket);
        assertThat(mapping.get("MaximumRecordAgeInSeconds").asInt()).isLessThan(24 * 3600);
        JsonNode policy = aws("iam", "get-role-policy", "--role-name", "sensor-ingest-role",
                "--policy-name", "sensor-ingest-permissions").get("PolicyDocument");
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
        assertThat(s3Grants).containsExactlyInAnyOrder("s3:PutObject arn:aws:s3:::" + bucket + "/*",
                "s3:ListBucket arn:aws:s3:::" + bucket);
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
                "sensor-ingest-item-collection-full");
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
        assertThat(aws("iam", "list-roles").get("Roles").toString()).doesNotContain("sensor-ingest-role");
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

package dev.sensorpipeline.local.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.testkit.AwsCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** scripts/status.sh as users run it, on a pipeline scripts/deploy.sh made on an endpoint of its own. */
class StatusScriptIT {

    private static final String BUCKET = "sensor-pipeline-failures-123456789012-us-east-1";

    private static DeployedPipeline pipeline;
    private static AwsCli cli;
    private static Scripts scripts;
    private static String mappingUuid;
    private static String streamArn;

    @BeforeAll
    static void deployThePipeline_withAFailureBucketAsTheMappingsDestination() {
        pipeline = DeployedPipeline.onAnEndpointOfItsOwn();
        cli = pipeline.cli();
        scripts = pipeline.scripts();
        mappingUuid = pipeline.mappingUuid();
        streamArn = pipeline.streamArn();
    }

    @AfterAll
    static void stopTheEndpoint() {
        pipeline.close();
    }

    @Test
    void status_exitsZeroSayingHealthy_whenEverythingDeployMadeIsThere_andNothingWaits() {
        // when
        Scripts.Run run = scripts.run("status.sh");

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).contains("status: healthy", "alias live -> version 1",
                "failures  none waiting in s3://" + BUCKET + "/aws/lambda/").doesNotContain("\n! ");
    }

    @Test
    void status_showsTheAlertsSide_itsFeedFunctionMappingTablesAndTopic() {
        // when
        Scripts.Run run = scripts.run("status.sh");

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).contains("feed      SensorData: NEW_IMAGE, feeds sensor-alerts",
                "function  sensor-alerts: alias live -> version 1", "alerts    SensorAlerts: ACTIVE",
                "rules     SensorAlertRules: ACTIVE",
                "topic     sensor-alerts: 0 subscriptions, 0 pending confirmation",
                "none of sensor-ingest-* sensor-alerts-* in ALARM");
        assertThat(run.stdout().lines().filter(line -> line.startsWith("  mapping ")).count()).isEqualTo(2);
    }

    @Test
    void status_exitsOneSayingToDeploy_whenTheAlertsTopicIsMissing() {
        // when a topic of another name is looked for, as if sensor-alerts had been deleted
        Scripts.Run run = scripts.run(Map.of("ALERTS_TOPIC_NAME", "sensor-alerts-gone"), "status.sh");

        // then
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.stdout()).contains("! topic     sensor-alerts-gone does not exist", "scripts/deploy.sh");
    }

    @Test
    void status_exitsOneNamingTheCount_whenAFailureDocumentWaitsInTheBucket() throws Exception {
        // given
        String key = OnFailureDocuments.key(mappingUuid, "shardId-000000000000", "status-test");
        Path document = Files.createTempFile("failure-", ".json");
        Files.write(document, OnFailureDocuments.s3(streamArn, "shardId-000000000000", OnFailureDocuments.readings(1,
                "{\"sensor_id\":\"sensor-1\",\"current_time\":1764400000,\"temperature\":73.2}"), false));
        cli.run("s3api", "put-object", "--bucket", BUCKET, "--key", key, "--body", document.toString()).orThrow();

        // when
        Scripts.Run run;
        try {
            run = scripts.run("status.sh");
        } finally {
            cli.run("s3api", "delete-object", "--bucket", BUCKET, "--key", key).orThrow();
            Files.delete(document);
        }

        // then
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.stdout()).contains("! failures  1 failure documents waiting in s3://" + BUCKET
                + "/aws/lambda/", "scripts/replay.sh");
    }

    @Test
    void status_exitsOneNamingTheCount_whenMessagesWaitInAQueueDestination() {
        // given: a user who chose SQS, with Lambda's metadata-only document of one batch in the queue
        FailureQueue queue = FailureQueue.create(cli, pipeline.moto().endpoint(), "status-failures");
        queue.send(OnFailureDocuments.metadata(streamArn, "shardId-000000000000",
                OnFailureDocuments.readings(1, "{}")).toString());
        cli.run("lambda", "update-event-source-mapping", "--uuid", mappingUuid, "--destination-config",
                "OnFailure={Destination=" + queue.arn() + "}").orThrow();

        // when
        Scripts.Run run;
        try {
            run = scripts.run("status.sh");
        } finally {
            cli.run("lambda", "update-event-source-mapping", "--uuid", mappingUuid, "--destination-config",
                    "OnFailure={Destination=arn:aws:s3:::" + BUCKET + "}").orThrow();
        }

        // then
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.stdout()).contains("! failures  1 failure documents waiting in the queue " + queue.arn());
    }

    @Test
    void status_exitsOneSayingToDeploy_whenATableIsMissing() {
        // when: the readings table status.sh looks for is one that does not exist
        Scripts.Run run = scripts.run(Map.of("TABLE_NAME", "SensorDataGone"), "status.sh");

        // then
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.stdout()).contains("! table     SensorDataGone does not exist", "scripts/deploy.sh");
    }

    @Test
    void status_exitsOneNamingTheAlarm_whenAnAlarmOfTheFunctionIsInAlarm() {
        // given
        String alarm = "sensor-ingest-item-collection-full";
        cli.run("cloudwatch", "set-alarm-state", "--alarm-name", alarm, "--state-value", "ALARM", "--state-reason",
                "test").orThrow();

        // when
        Scripts.Run run;
        try {
            run = scripts.run("status.sh");
        } finally {
            cli.run("cloudwatch", "set-alarm-state", "--alarm-name", alarm, "--state-value", "OK", "--state-reason",
                    "test").orThrow();
        }

        // then
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.stdout()).contains("! alarms    " + alarm + " is in ALARM");
    }

    @Test
    void status_exitsOneSayingHowToEnableIt_whenTheMappingIsDisabled() {
        // given
        cli.run("lambda", "update-event-source-mapping", "--uuid", mappingUuid, "--no-enabled").orThrow();

        // when
        Scripts.Run run;
        try {
            run = scripts.run("status.sh");
        } finally {
            cli.run("lambda", "update-event-source-mapping", "--uuid", mappingUuid, "--enabled").orThrow();
        }

        // then
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.stdout()).contains("! mapping   " + mappingUuid + " is Disabled, not Enabled",
                "--uuid " + mappingUuid + " --enabled");
    }

    @Test
    void status_exitsTwo_onAnUnknownArgument_andZero_onHelp() {
        // when
        Scripts.Run unknown = scripts.run("status.sh", "--verbose");
        Scripts.Run help = scripts.run("status.sh", "--help");

        // then
        assertThat(List.of(unknown.exitCode(), help.exitCode())).containsExactly(2, 0);
        assertThat(unknown.stderr()).contains("'--verbose'", "see --help");
        assertThat(help.stdout()).contains("Exit: 0 healthy");
    }
}

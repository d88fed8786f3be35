package dev.sensorpipeline.local.runner;

import static dev.sensorpipeline.local.runner.LocalDeployment.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sensorpipeline.testkit.AwsCli;
import dev.sensorpipeline.testkit.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * scripts/moto_server.py, the moto the scripts and tests run: moto hands no stream record to a mapped function
 * (it would try Docker for each), so puts answer as Kinesis does and a table stream keeps its records for a
 * poller, as on AWS where the mapping polls.
 */
class MotoLauncherIT {

    private static MotoServer moto;
    private static LocalDeployment deployment;

    @BeforeAll
    static void startMoto() {
        // a server of its own: its log must hold this test's requests only
        moto = MotoServer.start();
        deployment = LocalDeployment.fresh(moto);
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    @Test
    void putRecords_onAStreamMappedToAnAlias_answer200_andMotoTriesNoDocker() {
        // given: the stream mapped to the alias live, as deploy.sh maps it
        LocalDeployment.Deployed deployed = deployment.ingestOnAlias("launcher-kinesis", 1);
        AwsCli cli = deployment.cli();

        // when
        AwsCli.Result one = cli.run("kinesis", "put-record", "--stream-name", deployed.streamName(),
                "--partition-key", "sensor-1", "--data", "cmVhZGluZw==");
        AwsCli.Result many = cli.run("kinesis", "put-records", "--stream-name", deployed.streamName(),
                "--records", "PartitionKey=sensor-1,Data=cmVhZGluZw==", "PartitionKey=sensor-2,Data=cmVhZGluZw==");

        // then
        assertThat(one.exitCode()).as(one.stderr()).isZero();
        assertThat(many.exitCode()).as(many.stderr()).isZero();
        assertThat(json(many.stdout()).get("FailedRecordCount").asInt()).isZero();
        assertThat(moto.log()).as("moto's log").doesNotContainIgnoringCase("docker")
                .doesNotContain("PutRecord HTTP/1.1\" 500", "PutRecords HTTP/1.1\" 500");
    }

    @Test
    void aTableStreamMappedToAFunction_keepsItsRecords_forAPoller() {
        // given: a table whose stream a mapping reads
        AwsCli cli = deployment.cli();
        deployment.createFunction("launcher-table-reader", LocalDeployment.INGEST_JAR);
        String streamArn = json(cli.run("dynamodb", "create-table", "--cli-input-json",
                "file://infra/sensor-data-table.json", "--table-name", "LauncherStreamed",
                "--stream-specification", "StreamEnabled=true,StreamViewType=NEW_IMAGE").orThrow().stdout())
                .at("/TableDescription/LatestStreamArn").asText();
        cli.run("lambda", "create-event-source-mapping", "--function-name", "launcher-table-reader",
                "--event-source-arn", streamArn, "--starting-position", "TRIM_HORIZON").orThrow();

        // when
        cli.run("dynamodb", "put-item", "--table-name", "LauncherStreamed", "--item",
                "{\"SensorId\": {\"S\": \"sensor-1\"}, \"CurrentTime\": {\"N\": \"1764400000\"},"
                        + " \"Temperature\": {\"N\": \"70\"}}").orThrow();

        // then
        JsonNode shards = json(cli.run("dynamodbstreams", "describe-stream", "--stream-arn", streamArn).orThrow()
                .stdout()).at("/StreamDescription/Shards");
        String iterator = json(cli.run("dynamodbstreams", "get-shard-iterator", "--stream-arn", streamArn,
                "--shard-id", shards.get(0).get("ShardId").asText(), "--shard-iterator-type", "TRIM_HORIZON")
                .orThrow().stdout()).get("ShardIterator").asText();
        JsonNode records = json(cli.run("dynamodbstreams", "get-records", "--shard-iterator", iterator).orThrow()
                .stdout()).get("Records");
        assertThat(records).as("the stream's records").hasSize(1);
        assertThat(records.get(0).get("eventName").asText()).isEqualTo("INSERT");
        assertThat(moto.log()).as("moto's log").doesNotContainIgnoringCase("docker");
    }
}

package dev.sensorpipeline.local.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.local.runner.stream.StreamRecord;
import dev.sensorpipeline.testkit.AwsCli;
import dev.sensorpipeline.testkit.FaultInjectingProxy;
import dev.sensorpipeline.testkit.FaultPlan;
import dev.sensorpipeline.testkit.LocalAws;
import dev.sensorpipeline.testkit.LocalTables;
import dev.sensorpipeline.testkit.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * scripts/replay.sh as users run it, on a pipeline scripts/deploy.sh made on an endpoint of its own, with failure
 * documents in Lambda's form put where Lambda puts them.
 */
class ReplayScriptIT {

    private static final String BUCKET = "sensor-pipeline-failures-123456789012-us-east-1";
    private static final String SHARD = "shardId-000000000000";
    private static final String SECOND_SHARD = "shardId-000000000001";
    private static final String[] READINGS = {
        "{\"sensor_id\":\"sensor-1\",\"current_time\":1764400000,\"temperature\":73.2,\"humidity\":41.5}",
        "{\"sensor_id\":\"sensor-1\",\"current_time\":1764400060,\"temperature\":-4.50}",
        "{\"sensor_id\":\"sensor-2\",\"current_time\":1764400000,\"temperature\":99.999999999,\"humidity\":null}",
    };

    private static DeployedPipeline pipeline;
    private static MotoServer moto;
    private static AwsCli cli;
    private static Scripts scripts;
    private static DynamoDbClient dynamoDb;
    private static String mappingUuid;
    private static String streamArn;

    @BeforeAll
    static void deployThePipeline_withAFailureBucket() {
        pipeline = DeployedPipeline.onAnEndpointOfItsOwn();
        moto = pipeline.moto();
        cli = pipeline.cli();
        scripts = pipeline.scripts();
        mappingUuid = pipeline.mappingUuid();
        streamArn = pipeline.streamArn();
        dynamoDb = LocalAws.dynamoDb(moto.endpoint());
    }

    @AfterAll
    static void stopTheEndpoint() {
        dynamoDb.close();
        pipeline.close();
    }

    @BeforeEach
    void anEmptyBucketAsTheDestination_andEmptyTables() {
        cli.run("s3", "rm", "s3://" + BUCKET, "--recursive").orThrow();
        setDestination("arn:aws:s3:::" + BUCKET);
        LocalTables.truncate(dynamoDb, "SensorData", "SensorId", "CurrentTime");
        LocalTables.truncate(dynamoDb, "SensorDataRejects", "EventId");
    }

    private static void setDestination(String arn) {
        cli.run("lambda", "update-event-source-mapping", "--uuid", mappingUuid, "--destination-config",
                "OnFailure={Destination=" + arn + "}").orThrow();
    }

    private static String putDocument(String suffix, byte[] document) throws Exception {
        String key = OnFailureDocuments.key(mappingUuid, SHARD, suffix);
        Path file = Files.createTempFile("failure-", ".json");
        try {
            Files.write(file, document);
            cli.run("s3api", "put-object", "--bucket", BUCKET, "--key", key, "--body", file.toString()).orThrow();
        } finally {
            Files.delete(file);
        }
        return key;
    }

    private static List<String> keysInBucket() {
        String listed = cli.run("s3api", "list-objects-v2", "--bucket", BUCKET, "--query", "Contents[].Key",
                "--output", "text").orThrow().stdout().strip();
        return listed.isEmpty() || listed.equals("None") ? List.of() : List.of(listed.split("\\s+"));
    }

    /** Each stored reading as its attributes' texts: numbers exactly as DynamoDB holds them. */
    private static List<Map<String, String>> storedReadings() {
        return dynamoDb.scan(b -> b.tableName("SensorData")).items().stream()
                .map(item -> new TreeMap<>(item.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> text(e.getValue())))))
                .map(map -> (Map<String, String>) map)
                .sorted((a, b) -> (a.get("SensorId") + a.get("CurrentTime")).compareTo(b.get("SensorId")
                        + b.get("CurrentTime")))
                .toList();
    }

    private static String text(AttributeValue value) {
        return value.s() != null ? value.s() : value.n();
    }

    private static final List<Map<String, String>> AS_PRODUCED = List.of(
            Map.of("SensorId", "sensor-1", "CurrentTime", "1764400000", "Temperature", "73.2", "Humidity", "41.5"),
            Map.of("SensorId", "sensor-1", "CurrentTime", "1764400060", "Temperature", "-4.50"),
            Map.of("SensorId", "sensor-2", "CurrentTime", "1764400000", "Temperature", "99.999999999"));

    @Test
    void replayLocal_storesEveryReadingAsProduced_movesTheDocumentsUnderReplayed_andASecondRunDoesNothing()
            throws Exception {
        // given: two documents, the payload as a string holding the event (the AWS guide's form) and as an object
        String first = putDocument("first", OnFailureDocuments.s3(streamArn, SHARD,
                OnFailureDocuments.readings(1, READINGS[0], READINGS[1]), true));
        String second = putDocument("second", OnFailureDocuments.s3(streamArn, SHARD,
                OnFailureDocuments.readings(3, READINGS[2], "not a reading"), false));

        // when
        Scripts.Run run = scripts.run("replay.sh", "--local");
        Scripts.Run again = scripts.run("replay.sh", "--local");

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).contains("replay: 2 documents, 4 records: 3 stored, 1 rejected, 0 still failing");
        assertThat(storedReadings()).containsExactlyElementsOf(AS_PRODUCED);
        assertThat(keysInBucket()).containsExactlyInAnyOrder("replayed/" + first, "replayed/" + second);
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.stdout()).contains("replay: 0 documents, 0 records");
        assertThat(keysInBucket()).containsExactlyInAnyOrder("replayed/" + first, "replayed/" + second);
    }

    @Test
    void replayDryRun_listsTheDocument_andChangesNothing() throws Exception {
        // given
        String key = putDocument("dry", OnFailureDocuments.s3(streamArn, SHARD,
                OnFailureDocuments.readings(1, READINGS), true));

        // when
        Scripts.Run run = scripts.run("replay.sh", "--local", "--dry-run");

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).contains("would replay " + key + ": 3 records of " + SHARD,
                "replay (dry run, nothing changed): 1 documents, 3 records to replay");
        assertThat(storedReadings()).isEmpty();
        assertThat(keysInBucket()).containsExactly(key);
    }

    @Test
    void replayLocal_leavesTheDocumentWhereItWas_andExitsOne_whenDynamoDbRefusesEveryWrite() throws Exception {
        // given
        String key = putDocument("refused", OnFailureDocuments.s3(streamArn, SHARD,
                OnFailureDocuments.readings(1, READINGS), true));
        Scripts.Run run;
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(moto.endpoint(),
                FaultPlan.builder().failBatchWriteItem(1.0).build())) {
            // when: the function's few attempts all refused (it reports the records, it does not fail)
            run = new Scripts(proxy.endpoint()).run(Map.of("WRITE_MAX_ATTEMPTS", "2"), "replay.sh", "--local");
        }

        // then
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.stdout()).contains("still failing " + key + ": 3 of 3 records not stored",
                "replay: 1 documents, 3 records: 0 stored, 0 rejected, 3 still failing");
        assertThat(keysInBucket()).containsExactly(key);
        assertThat(storedReadings()).isEmpty();
    }

    @Test
    void replayLocal_fromAQueuesMetadata_readsTheRecordsBackFromTheStream_andDeletesTheMessage() throws Exception {
        // given: records in the stream, and Lambda's metadata-only document of their batch in the queue
        FailureQueue queue = queue("replay-metadata");
        List<StreamRecord> records = putRecords(0, READINGS);
        queue.send(OnFailureDocuments.metadata(streamArn, SHARD, records).toString());

        // when
        Scripts.Run run = scripts.run("replay.sh", "--local");

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).contains("replay: 1 documents, 3 records: 3 stored, 0 rejected, 0 still failing");
        assertThat(storedReadings()).containsExactlyElementsOf(AS_PRODUCED);
        assertThat(queue.messages()).isZero();
    }

    @Test
    void replayLocal_namesTheRecordsTheStreamNoLongerHolds_exitsOne_andKeepsTheMessage() throws Exception {
        // given: a batch of five on the second shard, which only this test writes, whose first two the stream no
        // longer holds (here: were never in it)
        FailureQueue queue = queue("replay-gone");
        List<StreamRecord> inStream = putRecords(1, READINGS);
        List<StreamRecord> batch = new ArrayList<>(inStream);
        batch.add(0, new StreamRecord("1", "sensor-0", new byte[0], Instant.EPOCH));
        var document = OnFailureDocuments.metadata(streamArn, SECOND_SHARD, batch);
        document.with("KinesisBatchInfo").put("batchSize", 5);
        queue.send(document.toString());

        // when
        Scripts.Run run = scripts.run("replay.sh", "--local");

        // then
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.stdout()).contains("2 records between 1 and " + inStream.get(2).sequenceNumber() + " of "
                + SECOND_SHARD + " are no longer in the stream", "3 stored, 0 rejected, 0 still failing, 2 gone");
        assertThat(queue.messages()).isEqualTo(1);
    }

    @Test
    void replay_exitsThreeNamingTheBucket_whenTheFailureBucketDoesNotExist() {
        // when
        Scripts.Run run = scripts.run(Map.of("FAILURE_BUCKET", "no-such-failure-bucket"), "replay.sh", "--local");

        // then
        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(run.stderr()).contains("the failure bucket no-such-failure-bucket does not exist");
    }

    @Test
    void replay_exitsTwo_onAnUnknownArgument_andZero_onHelp() {
        // when
        Scripts.Run unknown = scripts.run("replay.sh", "--all");
        Scripts.Run help = scripts.run("replay.sh", "--help");

        // then
        assertThat(List.of(unknown.exitCode(), help.exitCode())).containsExactly(2, 0);
        assertThat(unknown.stderr()).contains("'--all'", "see --help");
        assertThat(help.stdout()).contains("--dry-run", "Exit: 0 all replayed");
    }

    private static FailureQueue queue(String name) {
        FailureQueue queue = FailureQueue.create(cli, moto.endpoint(), name);
        setDestination(queue.arn());
        return queue;
    }

    /** Puts the readings to a shard, one a record, as the producer does; returns them as Kinesis holds them. */
    private static List<StreamRecord> putRecords(int shard, String... readings) {
        List<StreamRecord> records = new ArrayList<>();
        try (KinesisClient kinesis = LocalAws.kinesis(moto.endpoint())) {
            String hashKey = kinesis.listShards(b -> b.streamARN(streamArn)).shards().get(shard).hashKeyRange()
                    .startingHashKey();
            for (String reading : readings) {
                byte[] data = reading.getBytes(StandardCharsets.UTF_8);
                var put = kinesis.putRecord(b -> b.streamARN(streamArn).partitionKey("sensor")
                        .explicitHashKey(hashKey).data(SdkBytes.fromByteArray(data)));
                assertThat(put.shardId()).isEqualTo(shard == 0 ? SHARD : SECOND_SHARD);
                records.add(new StreamRecord(put.sequenceNumber(), "sensor", data, Instant.now()));
            }
        }
        return records;
    }
}

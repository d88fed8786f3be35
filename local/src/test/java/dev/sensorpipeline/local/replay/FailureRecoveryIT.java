package dev.sensorpipeline.local.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.testkit.AwsCli;
import dev.sensorpipeline.testkit.FaultInjectingProxy;
import dev.sensorpipeline.testkit.FaultPlan;
import dev.sensorpipeline.testkit.LocalAws;
import dev.sensorpipeline.testkit.MotoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * Nothing lost, end to end, with the scripts a user runs: deploy.sh, the local runner, status.sh and replay.sh. While
 * DynamoDB refuses every write, the batches the function cannot store end in the failure bucket with their records
 * and status.sh says so; once DynamoDB answers again, replay.sh stores every reading exactly as produced, and the
 * pipeline is healthy again.
 */
class FailureRecoveryIT {

    private static final int READINGS = 30;

    @TempDir
    Path stateDir;

    private MotoServer moto;
    private FaultInjectingProxy endpoint;
    private Scripts scripts;
    private Scripts throughTheFaults;
    private AwsCli cli;

    @BeforeEach
    void startAnEndpointWhoseDynamoDbRefusesEveryWrite() {
        moto = MotoServer.start();
        endpoint = FaultInjectingProxy.start(moto.endpoint(), FaultPlan.builder().dynamoDbDown(true).build());
        scripts = new Scripts(moto.endpoint());
        // The runner, and the function it runs, reach AWS through the proxy; what the user runs reaches it directly.
        throughTheFaults = new Scripts(endpoint.endpoint());
        cli = new AwsCli(moto.endpoint());
    }

    @AfterEach
    void stopIt() {
        endpoint.close();
        moto.close();
    }

    private static String reading(int i) {
        return "{\"sensor_id\":\"sensor-" + (i % 3) + "\",\"current_time\":" + (1764400000 + i)
                + ",\"temperature\":" + (20 + i) + "." + (i % 10) + "0}";
    }

    private void put(List<String> readings) {
        try (KinesisClient kinesis = LocalAws.kinesis(moto.endpoint())) {
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < readings.size(); i++) {
                entries.add(PutRecordsRequestEntry.builder().partitionKey("key-" + i)
                        .data(SdkBytes.fromUtf8String(readings.get(i))).build());
            }
            assertThat(kinesis.putRecords(b -> b.streamName("temperature-sensor-data").records(entries))
                    .failedRecordCount()).isZero();
        }
    }

    /** Each stored reading as "sensor time temperature", numbers as DynamoDB holds them. */
    private List<String> stored() {
        try (DynamoDbClient dynamoDb = LocalAws.dynamoDb(moto.endpoint())) {
            return dynamoDb.scan(b -> b.tableName("SensorData")).items().stream()
                    .map(item -> item.get("SensorId").s() + " " + item.get("CurrentTime").n() + " "
                            + item.get("Temperature").n())
                    .sorted().toList();
        }
    }

    private static List<String> asProduced(List<String> readings) {
        return readings.stream().map(json -> {
            Map<String, String> fields = new TreeMap<>();
            for (String pair : json.substring(1, json.length() - 1).split(",")) {
                String[] kv = pair.split(":");
                fields.put(kv[0].replace("\"", ""), kv[1].replace("\"", ""));
            }
            return fields.get("sensor_id") + " " + fields.get("current_time") + " " + fields.get("temperature");
        }).sorted().collect(Collectors.toList());
    }

    private List<String> keys(String bucket) {
        String listed = cli.run("s3api", "list-objects-v2", "--bucket", bucket, "--query", "Contents[].Key",
                "--output", "text").orThrow().stdout().strip();
        return listed.isEmpty() || listed.equals("None") ? List.of() : List.of(listed.split("\\s+"));
    }

    @Test
    void theRunnerKeepsWhatDynamoDbRefuses_statusSaysSo_andReplayStoresEveryReadingOnceDynamoDbAnswers()
            throws Exception {
        // given the pipeline, deployed as users do, with one retry before Lambda gives a batch up
        Scripts.Run deploy = scripts.run("deploy.sh");
        assertThat(deploy.exitCode()).as(deploy.output()).isZero();
        String uuid = cli.run("lambda", "list-event-source-mappings", "--query", "EventSourceMappings[0].UUID",
                "--output", "text").orThrow().stdout().strip();
        cli.run("lambda", "update-event-source-mapping", "--uuid", uuid, "--maximum-retry-attempts", "1",
                "--no-bisect-batch-on-function-error").orThrow();
        String bucket = "sensor-pipeline-failures-123456789012-" + LocalAws.REGION.id();
        List<String> readings = new ArrayList<>();
        for (int i = 0; i < READINGS; i++) {
            readings.add(reading(i));
        }
        put(readings);

        // when the runner plays the mapping while every DynamoDB write is refused
        Scripts.Run runner = throughTheFaults.run("run-local.sh", "--until-idle", "3", "--state-dir", stateDir.toString());
        Scripts.Run troubled = scripts.run("status.sh");

        // then the batches are in the bucket with their records, and status.sh says so
        assertThat(runner.exitCode()).as(runner.output()).isEqualTo(1);
        assertThat(stored()).isEmpty();
        assertThat(keys(bucket)).isNotEmpty().allSatisfy(key -> assertThat(key).startsWith("aws/lambda/" + uuid));
        assertThat(troubled.exitCode()).as(troubled.output()).isEqualTo(1);
        assertThat(troubled.stdout()).contains("replay.sh");

        // when DynamoDB answers again and the documents are replayed, twice
        endpoint.setPlan(FaultPlan.builder().build());
        Scripts.Run replay = scripts.run("replay.sh", "--local");
        Scripts.Run again = scripts.run("replay.sh", "--local");
        Scripts.Run healthy = scripts.run("status.sh");

        // then every reading is stored exactly as produced, the documents are kept under replayed/, the second
        // replay finds nothing, and the pipeline is healthy
        assertThat(replay.exitCode()).as(replay.output()).isZero();
        assertThat(replay.stdout()).contains(READINGS + " stored", "0 still failing");
        assertThat(stored()).containsExactlyElementsOf(asProduced(readings));
        assertThat(keys(bucket)).isNotEmpty().allSatisfy(key -> assertThat(key).startsWith("replayed/aws/lambda/"));
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.stdout()).contains("0 documents");
        assertThat(healthy.exitCode()).as(healthy.output()).isZero();
    }
}

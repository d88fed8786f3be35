package dev.sensorpipeline.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.local.runner.LocalDeployment.Deployed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * {@code scripts/run-local.sh} with the ingest function, as deployed from infra/ on a moto_server: readings put on
 * the stream with PutRecords end in the tables through the function's own JVM on the runtime interface client.
 */
class RunLocalIT extends LocalEndpointFixture {

    /** A reading's JSON, keyed sensor-I at a time of its own. */
    static String reading(String prefix, int i) {
        return "{\"sensor_id\":\"" + prefix + "-" + i + "\",\"current_time\":" + (1764400000 + i)
                + ",\"temperature\":" + (20 + i % 50) + "." + (i % 10) + "}";
    }

    static List<PutRecordsResultEntry> put(String stream, List<String> data) {
        List<PutRecordsResultEntry> results = new ArrayList<>();
        for (int from = 0; from < data.size(); from += 500) {
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(data.size(), from + 500); i++) {
                entries.add(PutRecordsRequestEntry.builder().partitionKey("key-" + i)
                        .data(SdkBytes.fromUtf8String(data.get(i))).build());
            }
            var response = kinesis.putRecords(PutRecordsRequest.builder().streamName(stream).records(entries).build());
            assertThat(response.failedRecordCount()).isZero();
            results.addAll(response.records());
        }
        return results;
    }

    static List<Map<String, AttributeValue>> scan(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.scanPaginator(ScanRequest.builder().tableName(table).build()).items().forEach(items::add);
        return items;
    }

    @Test
    void runLocal_storesEveryReadingOnce_andRejectsTheRest_acrossBothShards_inTheFunctionsOwnJvm() throws Exception {
        // given
        Deployed deployed = deployment.ingest("ingest-both-shards", 2);
        List<String> data = new ArrayList<>();
        Map<String, String> expectedTemperatures = new HashMap<>();
        for (int i = 0; i < 130; i++) {
            if (i % 13 == 5) {
                data.add("not a reading " + i);
            } else {
                data.add(reading("both", i));
                expectedTemperatures.put("both-" + i + "@" + (1764400000 + i), (20 + i % 50) + "." + (i % 10));
            }
        }
        List<PutRecordsResultEntry> put = put(deployed.streamName(), data);
        assertThat(put).extracting(PutRecordsResultEntry::shardId).containsOnly("shardId-000000000000",
                "shardId-000000000001").contains("shardId-000000000000", "shardId-000000000001");

        // when
        RunnerProcess.Finished run = RunnerProcess.run(MOTO.endpoint(), stateDir, RUN_LIMIT,
                "--function-name", deployed.functionName(), "--until-idle", "2");

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        Map<String, String> stored = new HashMap<>();
        for (Map<String, AttributeValue> item : scan("SensorData")) {
            stored.put(item.get("SensorId").s() + "@" + item.get("CurrentTime").n(), item.get("Temperature").n());
        }
        assertThat(stored).isEqualTo(expectedTemperatures);
        Set<String> rejected = new HashSet<>();
        for (Map<String, AttributeValue> item : scan("SensorDataRejects")) {
            rejected.add(item.get("ShardId").s() + ":" + item.get("SequenceNumber").s() + ":"
                    + item.get("PartitionKey").s());
        }
        Set<String> expectedRejects = new HashSet<>();
        for (int i = 0; i < data.size(); i++) {
            if (i % 13 == 5) {
                expectedRejects.add(put.get(i).shardId() + ":" + put.get(i).sequenceNumber() + ":key-" + i);
            }
        }
        assertThat(rejected).isEqualTo(expectedRejects);
        List<String> reports = run.reportLines();
        assertThat(reports).as(run.output()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(reports.get(0)).matches("REPORT RequestId: \\S+\\tDuration: [0-9.]+ ms\\tBilled Duration: \\d+ ms"
                + "\\tMemory Size: 1024 MB\\tMax Memory Used: [1-9]\\d* MB\\tInit Duration: [0-9.]+ ms");
        assertThat(reports.subList(1, reports.size())).noneMatch(line -> line.contains("Init Duration"));
        assertThat(run.output()).contains("\"message\":\"batch processed\"");
    }

    @Test
    void runLocal_readsWhatWasPutAfterTheMappingWasCreated_andNothingBefore_whenTheStartingPositionIsLatest()
            throws Exception {
        // given
        String streamArn = deployment.createStream("ingest-latest", 1);
        deployment.createFunction("ingest-latest", LocalDeployment.INGEST_JAR);
        put("ingest-latest", List.of(reading("before", 1), reading("before", 2)));
        Instant putBefore = Instant.now();
        awaitClockPast(putBefore.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        String uuid = deployment.createMapping("ingest-latest", streamArn);
        put("ingest-latest", List.of(reading("after", 1), reading("after", 2), reading("after", 3)));

        // when
        RunnerProcess.Finished run = RunnerProcess.run(MOTO.endpoint(), stateDir, RUN_LIMIT,
                "--function-name", "ingest-latest", "--until-idle", "2");

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(scan("SensorData")).extracting(item -> item.get("SensorId").s())
                .containsExactlyInAnyOrder("after-1", "after-2", "after-3");
        assertThat(run.output()).contains("mapping " + uuid).contains("start at AT_TIMESTAMP");
    }

    @Test
    void runLocal_resumesAfterTheLastCompletedBatch_whenKilledAndStartedAgain_skippingNoRecord() throws Exception {
        // given
        Deployed deployed = deployment.ingest("ingest-killed", 2, "--batch-size", "10");
        List<String> data = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            data.add(reading("killed", i));
        }
        put(deployed.streamName(), data);
        Path checkpoints = stateDir.resolve("mappings").resolve(deployed.mappingUuid()).resolve("shards");

        // when: killed once a batch is checkpointed
        int storedWhenKilled;
        try (RunnerProcess first = RunnerProcess.start(MOTO.endpoint(), stateDir,
                "--function-name", deployed.functionName())) {
            first.awaitWhileRunning("checkpoint", RUN_LIMIT, () -> checkpointFiles(checkpoints) > 0);
            first.kill();
            storedWhenKilled = count("SensorData");
        }
        for (Path checkpoint : list(checkpoints)) {
            assertThat(LocalDeployment.json(Files.readString(checkpoint)).get("sequenceNumber").asText()).isNotEmpty();
        }
        int exitCode;
        String output;
        try (RunnerProcess second = RunnerProcess.start(MOTO.endpoint(), stateDir,
                "--function-name", deployed.functionName(), "--until-idle", "2")) {
            exitCode = second.awaitExit(RUN_LIMIT);
            output = second.output();
        }

        // then
        assertThat(storedWhenKilled).isBetween(10, 299);
        assertThat(exitCode).as(output).isZero();
        assertThat(output).contains("starting at AFTER_SEQUENCE_NUMBER");
        assertThat(count("SensorData")).isEqualTo(300);
        assertThat(acknowledged(output)).as(output).isLessThan(300);
    }

    @Test
    void runLocal_exitsThree_namingWhatIsMissing_whenTheFunctionIsNotDeployed() throws Exception {
        // when
        RunnerProcess.Finished run = RunnerProcess.run(MOTO.endpoint(), stateDir, RUN_LIMIT,
                "--function-name", "no-such-function");

        // then
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr()).contains("run-local: no function 'no-such-function' at " + MOTO.endpoint())
                .contains("run scripts/deploy.sh first").doesNotContain("\tat ");
    }

    /** The records a run acknowledged, from its summary line. */
    static int acknowledged(String output) {
        Matcher matcher = Pattern.compile("(\\d+) records? acknowledged").matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static long checkpointFiles(Path directory) {
        return list(directory).size();
    }

    private static List<Path> list(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** moto keeps a mapping's LastModified in whole seconds: wait until the clock has passed this moment. */
    private static void awaitClockPast(Instant moment) throws InterruptedException {
        while (!Instant.now().isAfter(moment)) {
            Thread.sleep(Math.max(1, Duration.between(Instant.now(), moment).toMillis()));
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

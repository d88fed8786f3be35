package dev.sensorpipeline.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.local.runner.LocalDeployment.Deployed;
import dev.sensorpipeline.local.runner.testfunction.TestFunctionJar;
import dev.sensorpipeline.testkit.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordRequest;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The runner with the mapping on an alias, as deploy.sh makes it for SnapStart: it finds the mapping from the
 * function's name, runs the configuration of the version the alias points at, not $LATEST's, tells the function the
 * ARN it was invoked by and its version, and does not take another function's mappings for its own.
 */
class RunLocalAliasIT extends LocalEndpointFixture {

    private static final String FUNCTION_ARN_PREFIX = "arn:aws:lambda:us-east-1:123456789012:function:";

    private static KinesisClient onceOnly;
    private static Path testFunctionJar;

    @TempDir
    Path work;

    @BeforeAll
    static void buildAClientThatPutsOnceAndTheTestFunction(@TempDir Path jars) throws IOException {
        onceOnly = KinesisClient.builder().endpointOverride(MOTO.endpoint()).region(LocalAws.REGION)
                .credentialsProvider(LocalAws.credentials())
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        testFunctionJar = TestFunctionJar.write(jars.resolve("test-function.jar"));
    }

    @AfterAll
    static void closeTheClientThatPutsOnce() {
        onceOnly.close();
    }

    /** Readings PREFIX-1..PREFIX-count, put in order on a stream mapped to a version or an alias. */
    private static void putReadings(String stream, String prefix, int count) {
        List<String> data = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            data.add(RunLocalIT.reading(prefix, i));
        }
        putOnStreamMappedToAVersion(stream, data);
    }

    /**
     * Puts records one by one on a stream whose mapping invokes a version or an alias, one attempt each: stock moto
     * 5.2.1 answers such a put with HTTP 500 after storing the record (see scripts/moto_server.py, which the testkit
     * runs), and a retrying client would store it again. Here any failure fails the test.
     */
    private static void putOnStreamMappedToAVersion(String stream, List<String> data) {
        for (String record : data) {
            onceOnly.putRecord(PutRecordRequest.builder().streamName(stream).partitionKey("k")
                    .data(SdkBytes.fromUtf8String(record)).build());
        }
    }

    /** The sequence numbers in the one-shard stream, in order. */
    private static List<String> sequenceNumbers(String stream) {
        String iterator = kinesis.getShardIterator(GetShardIteratorRequest.builder().streamName(stream)
                .shardId("shardId-000000000000").shardIteratorType(ShardIteratorType.TRIM_HORIZON).build())
                .shardIterator();
        return kinesis.getRecords(GetRecordsRequest.builder().shardIterator(iterator).build()).records().stream()
                .map(Record::sequenceNumber).toList();
    }

    /** The sensor ids stored in the table, read with this class's own client. */
    private static List<String> sensorIds(String table) {
        List<String> ids = new ArrayList<>();
        dynamoDb.scanPaginator(ScanRequest.builder().tableName(table).build()).items()
                .forEach(item -> ids.add(item.get("SensorId").s()));
        return ids;
    }

    private static List<String> sensorIds(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(prefix + "-" + i);
        }
        return ids;
    }

    @Test
    void runLocal_storesTheReadings_throughTheMappingOnTheFunctionsAlias_givenTheFunctionsName() throws Exception {
        // given
        Deployed deployed = deployment.ingestOnAlias("ingest-on-alias", 1);
        putReadings(deployed.streamName(), "alias", 20);

        // when
        RunnerProcess.Finished run = RunnerProcess.run(MOTO.endpoint(), stateDir, RUN_LIMIT,
                "--function-name", deployed.functionName(), "--until-idle", "2");

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(sensorIds("SensorData")).containsExactlyInAnyOrderElementsOf(sensorIds("alias", 20));
        assertThat(run.output()).contains("mapping " + deployed.mappingUuid()).containsPattern("START RequestId: \\S+"
                + " Version: 1\\b");
    }

    @Test
    void put_onAStreamWhoseMappingInvokesAnAlias_succeedsOnce_onTheMendedMoto() {
        // given
        Deployed deployed = deployment.ingestOnAlias("ingest-put-once", 1);

        // when: one attempt each, no retry
        putReadings(deployed.streamName(), "once", 5);

        // then: each record stored once (stock moto 5.2.1 answers 500 here; scripts/moto_server.py mends it)
        assertThat(sequenceNumbers(deployed.streamName())).hasSize(5);
    }

    @Test
    void runLocal_runsTheConfigurationOfTheVersionTheAliasPointsAt_notThatOfLatest_afterEachRefresh()
            throws Exception {
        // given: version 1 writes to SensorData; $LATEST, changed since and not published, to SensorDataUnpublished
        String name = "ingest-version-config";
        deployment.createSensorDataTable("SensorDataUnpublished");
        Deployed deployed = deployment.ingestOnAlias(name, 1, "--environment",
                LocalDeployment.ingestEnvironment("SensorData", "SensorDataRejects"));
        deployment.cli().run("lambda", "update-function-configuration", "--function-name", name, "--environment",
                LocalDeployment.ingestEnvironment("SensorDataUnpublished", "SensorDataRejects")).orThrow();
        putReadings(deployed.streamName(), "first", 10);

        // when: a second lot goes in after the first is stored, past the runner's configuration refresh (1 s, less
        // than the mapping's 1 s batching window and the function's cold start before it)
        int exitCode;
        String output;
        try (RunnerProcess runner = RunnerProcess.start(MOTO.endpoint(), stateDir,
                "--function-name", name, "--until-idle", "4")) {
            runner.awaitWhileRunning("first lot stored", RUN_LIMIT,
                    () -> sensorIds("SensorData").size() + sensorIds("SensorDataUnpublished").size() >= 10);
            putReadings(deployed.streamName(), "second", 10);
            exitCode = runner.awaitExit(RUN_LIMIT);
            output = runner.output();
        }

        // then
        List<String> expected = new ArrayList<>(sensorIds("first", 10));
        expected.addAll(sensorIds("second", 10));
        assertThat(exitCode).as(output).isZero();
        assertThat(sensorIds("SensorDataUnpublished")).as(output).isEmpty();
        assertThat(sensorIds("SensorData")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(output).doesNotContain("the function's configuration changed");
    }

    @Test
    void runLocal_readsOnlyItsOwnFunctionsMappings_whenAnotherFunctionsNameBeginsWithItsName() throws Exception {
        // given: sensor-ingest and sensor-ingest-baseline, as bench.sh deploys them, each mapped through an alias
        Deployed own = deployment.ingestOnAlias("sensor-ingest", 1);
        Deployed other = deployment.ingestOnAlias("sensor-ingest-baseline", 1);
        putReadings(own.streamName(), "own", 10);
        putReadings(other.streamName(), "other", 10);

        // when
        RunnerProcess.Finished run = RunnerProcess.run(MOTO.endpoint(), stateDir, RUN_LIMIT,
                "--function-name", "sensor-ingest", "--until-idle", "2");

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(sensorIds("SensorData")).containsExactlyInAnyOrderElementsOf(sensorIds("own", 10));
        assertThat(run.output()).contains(own.mappingUuid()).doesNotContain(other.mappingUuid());
    }

    @Test
    void runLocal_givesTheFunctionTheArnItsMappingInvokes_andTheVersionItRuns() throws Exception {
        // given
        String name = "invoked-as";
        String streamArn = deployment.createStream(name, 1);
        deployTestFunction(name, work.resolve("processed.log"));
        String aliasArn = deployment.createAlias(name, "live", deployment.publishVersion(name));
        String uuid = deployment.createMapping(aliasArn, streamArn);
        putOnStreamMappedToAVersion(name, List.of("r1"));

        // when
        RunnerProcess.Finished run = RunnerProcess.run(MOTO.endpoint(), stateDir, RUN_LIMIT,
                "--function-name", name, "--function-jar", testFunctionJar.toString(), "--until-idle", "2");

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("invoked as " + deployment.mappingFunctionArn(uuid) + ", version 1");
    }

    @Test
    void runLocal_readsOnlyTheMappingsOfTheAliasItIsGiven_whenOthersInvokeLatest() throws Exception {
        // given
        String name = "chosen";
        Path processed = work.resolve("processed.log");
        String liveStream = deployment.createStream(name + "-live", 1);
        String latestStream = deployment.createStream(name + "-latest", 1);
        deployTestFunction(name, processed);
        deployment.createMapping(deployment.createAlias(name, "live", deployment.publishVersion(name)), liveStream);
        String onLatest = deployment.createMapping(name, latestStream);
        putOnStreamMappedToAVersion(name + "-live", List.of("l1", "l2"));
        kinesis.putRecord(PutRecordRequest.builder().streamName(name + "-latest").partitionKey("k")
                .data(SdkBytes.fromUtf8String("x1")).build());

        // when
        RunnerProcess.Finished run = RunnerProcess.run(MOTO.endpoint(), stateDir, RUN_LIMIT,
                "--function-name", name + ":live", "--function-jar", testFunctionJar.toString(), "--until-idle", "2");

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Files.readAllLines(processed)).containsExactlyElementsOf(sequenceNumbers(name + "-live"))
                .hasSize(2);
        assertThat(run.output()).contains(", version 1").doesNotContain(onLatest);
    }

    @Test
    void runLocal_exitsThree_namingWhatEachMappingInvokes_whenTheEnabledMappingsInvokeDifferentVersions()
            throws Exception {
        // given
        String name = "two-targets";
        String liveStream = deployment.createStream(name + "-live", 1);
        String latestStream = deployment.createStream(name + "-latest", 1);
        deployTestFunction(name, work.resolve("processed.log"));
        String onAlias = deployment.createMapping(deployment.createAlias(name, "live",
                deployment.publishVersion(name)), liveStream);
        String onLatest = deployment.createMapping(name, latestStream);

        // when
        RunnerProcess.Finished run = RunnerProcess.run(MOTO.endpoint(), stateDir, RUN_LIMIT,
                "--function-name", name, "--function-jar", testFunctionJar.toString());

        // then
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(3);
        assertThat(run.stderr()).contains("run-local: the enabled Kinesis event source mappings of 'two-targets'"
                        + " invoke 2 different versions or aliases")
                .contains(onAlias, onLatest, "--function-name").doesNotContain("\tat ");
    }

    @Test
    void runLocal_exitsThree_sayingToDeploy_whenTheFunctionHasNoMappingOnAnyQualifier() throws Exception {
        // given
        String name = "unmapped";
        deployTestFunction(name, work.resolve("processed.log"));
        deployment.createAlias(name, "live", deployment.publishVersion(name));

        // when
        RunnerProcess.Finished run = RunnerProcess.run(MOTO.endpoint(), stateDir, RUN_LIMIT,
                "--function-name", name, "--function-jar", testFunctionJar.toString());

        // then
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(3);
        assertThat(run.stderr()).contains("run-local: the function 'unmapped' has no Kinesis event source mapping")
                .contains("run scripts/deploy.sh first").doesNotContain("\tat ");
    }

    @Test
    void runLocal_invokesTheNewVersionNext_inAnEnvironmentOfItsOwn_andSaysSo_whenTheAliasMovesWhileItRuns()
            throws Exception {
        // given: the alias live on version 1, the mapping on the alias, a first record processed
        String name = "follows-the-alias";
        Path processed = work.resolve("processed.log");
        String streamArn = deployment.createStream(name, 1);
        deployTestFunction(name, processed);
        deployment.createMapping(deployment.createAlias(name, "live", deployment.publishVersion(name)), streamArn);
        putOnStreamMappedToAVersion(name, List.of("r1"));
        try (RunnerProcess runner = RunnerProcess.start(MOTO.endpoint(), stateDir, "--function-name", name + ":live",
                "--function-jar", testFunctionJar.toString(), "--until-idle", "8")) {
            runner.awaitWhileRunning("the first record", RUN_LIMIT, () -> lineCount(processed) == 1);

            // when: a changed configuration is published as version 2 and the alias moved to it, as a second
            // deploy.sh does
            deployment.cli().run("lambda", "update-function-configuration", "--function-name", name, "--environment",
                    "{\"Variables\":{\"PROCESSED_LOG\":\"" + processed + "\",\"RELEASE\":\"2\"}}").orThrow();
            String version2 = deployment.publishVersion(name);
            deployment.cli().run("lambda", "update-alias", "--function-name", name, "--name", "live",
                    "--function-version", version2).orThrow();
            putOnStreamMappedToAVersion(name, List.of("r2"));
            int exitCode = runner.awaitExit(RUN_LIMIT);

            // then
            String output = runner.output();
            assertThat(exitCode).as(output).isZero();
            assertThat(lineCount(processed)).as(output).isEqualTo(2);
            assertThat(output).contains("version " + version2 + " now runs (was version 1): a cold start")
                    .containsPattern("START RequestId: \\S+ Version: " + version2 + "\\b")
                    .contains("invoked as " + FUNCTION_ARN_PREFIX + name + ":live, version " + version2);
        }
    }

    private static long lineCount(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).size() : 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void deployTestFunction(String name, Path processed) {
        deployment.createFunction(name, testFunctionJar.toString(), "--handler", TestFunctionJar.HANDLER,
                "--environment", "{\"Variables\":{\"PROCESSED_LOG\":\"" + processed + "\"}}");
    }
}

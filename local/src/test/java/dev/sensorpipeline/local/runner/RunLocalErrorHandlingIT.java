package dev.sensorpipeline.local.runner;

import static dev.sensorpipeline.local.runner.RunLocalIT.reading;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sensorpipeline.local.runner.testfunction.TestFunctionJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the runner answers a function that fails, as Lambda does: batch item failures resume the shard at the lowest
 * one reported; a thrown error bisects the batch; a timeout stops the function's JVM; records whose retries run
 * out are discarded, loudly.
 */
class RunLocalErrorHandlingIT extends LocalEndpointFixture {

    private static Path testFunctionJar;

    @TempDir
    Path work;

    @BeforeAll
    static void writeTheTestFunction(@TempDir Path jars) throws IOException {
        testFunctionJar = TestFunctionJar.write(jars.resolve("test-function.jar"));
    }

    @Test
    void runLocal_resumesAtTheLowestReportedFailure_andDeliversEverything_onceTheFunctionIsFixed() throws Exception {
        // given: the rejects table is misnamed, so every BatchWriteItem that holds a reject fails, and the function
        // reports the records of those requests as batch item failures; the others are stored. The start-up table
        // check is off: with it, the misnamed table would fail the function's start-up instead, before any write.
        String name = "ingest-item-failures";
        String streamArn = deployment.createStream(name, 1);
        deployment.createFunction(name, LocalDeployment.INGEST_JAR, "--environment",
                LocalDeployment.ingestEnvironment("SensorData", "NoSuchRejectsTable", false));
        deployment.createMapping(name, streamArn);
        List<String> data = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            data.add(reading("items", i));
        }
        for (int i = 1; i <= 10; i++) {
            data.add("not a reading " + i);
        }
        List<String> sequenceNumbers = putInOrder(name, data);
        Pattern resuming = Pattern.compile("resuming at sequence number (\\d+) \\((\\d+) of 40 records done\\)");

        try (RunnerProcess runner = RunnerProcess.start(MOTO.endpoint(), stateDir,
                "--function-name", name, "--until-idle", "2", "--max-runtime", "100")) {
            runner.awaitWhileRunning("batch item failures", RUN_LIMIT, () -> resuming.matcher(runner.stderr()).find());
            Matcher firstResume = resuming.matcher(runner.stderr());
            assertThat(firstResume.find()).isTrue();
            String resumedAt = firstResume.group(1);
            int done = Integer.parseInt(firstResume.group(2));

            // when
            deployment.cli().run("lambda", "update-function-configuration", "--function-name", name,
                    "--environment", LocalDeployment.ingestEnvironment("SensorData", "SensorDataRejects", false))
                    .orThrow();
            int exitCode = runner.awaitExit(RUN_LIMIT);

            // then: the records before the lowest failure were done; the retries start there, until all land
            String output = runner.output();
            assertThat(exitCode).as(output).isZero();
            assertThat(done).as(output).isBetween(1, 30);
            assertThat(resumedAt).isEqualTo(sequenceNumbers.get(done));
            assertThat(output).contains("invoking with " + (40 - done) + " records, sequence numbers " + resumedAt
                    + ".." + sequenceNumbers.get(39) + " (retry 1)");
            assertThat(output).contains("the function's configuration changed");
            assertThat(output).doesNotContain("DISCARDED");
            assertThat(count("SensorData")).isEqualTo(30);
            assertThat(count("SensorDataRejects")).isEqualTo(10);
        }
    }

    @Test
    void runLocal_bisectsABatchTheFunctionThrowsOn_deliversTheRestInOrder_andDiscardsThePoisonLoudly()
            throws Exception {
        // given
        String name = "poisoned";
        Path processed = work.resolve("processed.log");
        List<String> sequenceNumbers = deployTestFunction(name, processed,
                List.of("r1", "r2", "r3", "r4", "r5", "poison", "r7", "r8"));

        // when
        RunnerProcess.Finished run = RunnerProcess.run(MOTO.endpoint(), stateDir, RUN_LIMIT,
                "--function-name", name, "--function-jar", testFunctionJar.toString(), "--until-idle", "2");

        // then
        String poison = sequenceNumbers.get(5);
        List<String> delivered = new ArrayList<>(sequenceNumbers);
        delivered.remove(poison);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(Files.readAllLines(processed)).containsExactlyElementsOf(delivered);
        assertThat(run.output()).contains("bisecting it into 4 + 4 records", "bisecting it into 2 + 2 records",
                "bisecting it into 1 + 1 records", "java.lang.IllegalStateException: poison record " + poison);
        assertThat(run.output()).contains("DISCARDED 1 record, sequence number " + poison);
        List<String> discarded = Files.readAllLines(stateDir.resolve("mappings").resolve(mappingUuid(name))
                .resolve("discarded.jsonl"));
        assertThat(discarded).singleElement().satisfies(line -> {
            JsonNode record = LocalDeployment.json(line);
            assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(record.at("/KinesisBatchInfo/startSequenceNumber").asText()).isEqualTo(poison);
            assertThat(record.at("/sequenceNumbers/0").asText()).isEqualTo(poison);
        });
    }

    @Test
    void runLocal_stopsTheFunctionsJvmAtItsTimeout_andStartsAFreshOneForTheNextInvocation() throws Exception {
        // given: a 2 s timeout; the first record never finishes; no retries
        String name = "sleepy";
        Path processed = work.resolve("processed.log");
        List<String> sequenceNumbers = deployTestFunction(name, processed, List.of("sleep", "r2"),
                "--timeout", "2");

        // when
        RunnerProcess.Finished run = RunnerProcess.run(MOTO.endpoint(), stateDir, RUN_LIMIT,
                "--function-name", name, "--function-jar", testFunctionJar.toString(), "--until-idle", "2");

        // then
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("Task timed out after 2.00 seconds");
        assertThat(run.output()).contains("DISCARDED 1 record, sequence number " + sequenceNumbers.get(0));
        assertThat(Files.readAllLines(processed)).containsExactly(sequenceNumbers.get(1));
        assertThat(run.reportLines()).filteredOn(line -> line.contains("Status: timeout")).isNotEmpty()
                .allMatch(line -> line.contains("Duration: 2"));
        assertThat(run.reportLines().get(run.reportLines().size() - 1)).contains("Init Duration");
    }

    /** The test function on a one-shard stream, with its mapping allowing two retries; puts the records. */
    private List<String> deployTestFunction(String name, Path processed, List<String> records,
                                            String... functionOverrides) throws IOException {
        String streamArn = deployment.createStream(name, 1);
        List<String> overrides = new ArrayList<>(List.of("--handler", TestFunctionJar.HANDLER, "--environment",
                "{\"Variables\":{\"PROCESSED_LOG\":\"" + processed + "\"}}"));
        overrides.addAll(List.of(functionOverrides));
        deployment.createFunction(name, testFunctionJar.toString(), overrides.toArray(String[]::new));
        boolean withTimeout = List.of(functionOverrides).contains("--timeout");
        deployment.createMapping(name, streamArn, "--maximum-retry-attempts", withTimeout ? "0" : "2");
        return putInOrder(name, records);
    }

    private static String mappingUuid(String functionName) {
        return LocalDeployment.json(deployment.cli().run("lambda", "list-event-source-mappings", "--function-name",
                functionName).orThrow().stdout()).at("/EventSourceMappings/0/UUID").asText();
    }
}

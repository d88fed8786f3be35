package dev.sensorpipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensorpipeline.testkit.LocalAws;
import dev.sensorpipeline.testkit.SensorTablesOnMoto;
import dev.sensorpipeline.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** {@code scripts/invoke-local.sh} as a user runs it: a process, the built jars, a local endpoint. */
class InvokeLocalIT {

    @RegisterExtension
    static final SensorTablesOnMoto TABLES = new SensorTablesOnMoto();

    /** What the script printed and returned. */
    record Run(int exitCode, List<String> stdout, String stderr) {
        String lastLine() {
            return stdout.get(stdout.size() - 1);
        }
    }

    private static Run invokeLocal(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path root = ProjectFiles.root();
        List<String> command = new java.util.ArrayList<>(List.of("bash", root.resolve("scripts/invoke-local.sh").toString()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile("invoke-local-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("invoke-local.sh finished").isTrue();
        return new Run(process.exitValue(), stdout.lines().toList(), Files.readString(stderr));
    }

    private static Map<String, String> localEndpoint() {
        return LocalAws.environment(TABLES.endpoint());
    }

    @Test
    void invokeLocal_printsTheResponseAsTheLastLine_andAReportLine_andStoresTheReading() throws Exception {
        // when
        Run run = invokeLocal(localEndpoint(), "test-payloads/book-single-record.json");

        // then
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode response = new ObjectMapper().readTree(run.lastLine());
        assertThat(response.get("batchItemFailures").size()).isZero();
        assertThat(run.stderr()).containsPattern(
                "REPORT RequestId: \\S+\\tDuration: [0-9.]+ ms\\tBilled Duration: \\d+ ms\\tMemory Size: 1024 MB"
                        + "\\tMax Memory Used: \\d+ MB\\tInit Duration: [0-9.]+ ms");
        assertThat(TABLES.dynamoDb().scan(ScanRequest.builder().tableName("SensorData").build()).items())
                .extracting(item -> item.get("SensorId").s() + "@" + item.get("CurrentTime").n() + "="
                        + item.get("Temperature").n())
                .containsExactly("sensor-1@123456789=99.9");
    }

    @Test
    void invokeLocal_storesGoodRecordsAndRejectsBadOnes_fromTheMixedPayload() throws Exception {
        // when
        Run run = invokeLocal(localEndpoint(), "test-payloads/mixed-bad-and-good.json");

        // then
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.lastLine()).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(TABLES.dynamoDb().scan(ScanRequest.builder().tableName("SensorData").build()).count()).isEqualTo(15);
        assertThat(TABLES.dynamoDb().scan(ScanRequest.builder().tableName("SensorDataRejects").build()).count())
                .isEqualTo(15);
    }

    @Test
    void invokeLocal_exitsOne_withLambdasErrorDocumentNamingTheSetting_whenTheRegionIsMissing() throws Exception {
        // given
        Map<String, String> env = new HashMap<>(localEndpoint());
        env.put("AWS_REGION", "");
        env.put("AWS_DEFAULT_REGION", "");

        // when
        Run run = invokeLocal(env, "test-payloads/book-single-record.json");

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode error = new ObjectMapper().readTree(run.lastLine());
        assertThat(error.get("errorMessage").asText()).startsWith("AWS_REGION is not set");
        assertThat(error.get("errorType").asText()).endsWith("ConfigurationException");
    }

    @Test
    void invokeLocal_exitsOne_withAnErrorNamingTheSetting_whenTheTableDoesNotExist() throws Exception {
        // given: the table check runs beside the runtime's start-up, so its verdict comes with the first invocation
        Map<String, String> env = new HashMap<>(localEndpoint());
        env.put("TABLE_NAME", "SensorDataTypo");

        // when
        Run run = invokeLocal(env, "test-payloads/book-single-record.json");

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode error = new ObjectMapper().readTree(run.lastLine());
        assertThat(error.get("errorMessage").asText())
                .startsWith("TABLE_NAME='SensorDataTypo': there is no such table in us-east-1");
        assertThat(error.get("errorType").asText()).endsWith("ConfigurationException");
        assertThat(TABLES.dynamoDb().scan(ScanRequest.builder().tableName("SensorData").build()).count()).isZero();
    }

    @Test
    void invokeLocal_exitsTwo_withUsage_whenTheEventFileIsMissing() throws Exception {
        // when
        Run run = invokeLocal(localEndpoint(), "test-payloads/no-such-event.json");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("no event file at 'test-payloads/no-such-event.json'");
    }
}

package dev.sensorpipeline.local.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensorpipeline.local.runner.testfunction.TestFunctionJar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LocalInvoke}, the in-process invocation: the function's timeout, and Lambda's error document. */
public class LocalInvokeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path jar;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeAll
    static void writeTheTestFunction(@TempDir Path directory) throws IOException {
        jar = TestFunctionJar.write(directory.resolve("test-function.jar"));
    }

    /** A Kinesis event of one record whose data is {@code data}: the test function reads nothing else. */
    public static byte[] eventOf(String data) {
        return ("{\"Records\":[{\"kinesis\":{\"sequenceNumber\":\"1\",\"data\":\""
                + Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8)) + "\"}}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private LocalInvoke.Result invoke(String data, Duration timeout) {
        return LocalInvoke.invoke(new LocalInvoke.Request(jar, TestFunctionJar.HANDLER, eventOf(data), timeout, 128,
                "test-function"), new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    void invoke_endsTheInvocationAtTheFunctionsTimeout_asAFunctionError_asLambdaDoes() throws Exception {
        // when: the function sleeps for minutes
        LocalInvoke.Result result = invoke("sleep", Duration.ofSeconds(1));

        // then
        assertThat(result.functionError()).isTrue();
        assertThat(result.errorType()).isEqualTo("Sandbox.Timedout");
        JsonNode error = JSON.readTree(result.response());
        assertThat(error.get("errorType").asText()).isEqualTo("Sandbox.Timedout");
        assertThat(error.get("errorMessage").asText()).isEqualTo("RequestId: " + result.requestId()
                + " Error: Task timed out after 1.00 seconds");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains(result.requestId()
                + " Task timed out after 1.00 seconds").containsPattern("REPORT RequestId: .*\\tStatus: timeout");
    }

    @Test
    void invoke_runsTheNextInvocationInAFreshEnvironment_afterATimeout() {
        // given
        invoke("sleep", Duration.ofSeconds(1));

        // when
        LocalInvoke.Result next = invoke("poison", Duration.ofSeconds(30));

        // then: it ran, to its own error, and not into the timed-out one's
        assertThat(next.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(log.toString(StandardCharsets.UTF_8)).containsOnlyOnce("Status: timeout");
    }

    @Test
    void invoke_writesLambdasErrorDocument_withTheMessageAsTheFunctionThrewIt() throws Exception {
        // when
        LocalInvoke.Result result = invoke("poison", Duration.ofSeconds(30));

        // then
        assertThat(result.functionError()).isTrue();
        JsonNode error = JSON.readTree(result.response());
        assertThat(error.get("errorMessage").asText()).isEqualTo("poison record 1");
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.get("stackTrace").get(0).asText()).contains("TestFunction.handleRequest");
    }

    @Test
    void errorDocument_escapesWhatJsonMust() throws Exception {
        // given
        String message = "a \"quoted\" \\ line\nand a\ttab \u0001";

        // when
        JsonNode error = JSON.readTree(LocalInvoke.errorDocument(new IllegalArgumentException(message)));

        // then
        assertThat(error.get("errorMessage").asText()).isEqualTo(message);
    }
}

package dev.sensorpipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensorpipeline.local.invoke.LocalInvokeTest;
import dev.sensorpipeline.local.runner.testfunction.TestFunctionJar;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of invoke-local: its usage, its errors, and its exit codes. */
class InvokeLocalTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path directory;

    private int execute(String... args) {
        return InvokeLocal.commandLine(new InvokeLocal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
    }

    @Test
    void help_printsTheUsage_andExitsZero() {
        // when
        int exitCode = execute("--help");

        // then
        assertThat(exitCode).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: invoke-local", "--timeout=SECONDS");
    }

    @Test
    void invokeLocal_exitsTwo_namingTheOption_whenItIsUnknown() {
        // when
        int exitCode = execute("--jar", "f.jar", "--handler", "C", "--event", "e.json", "--colour", "red");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option", "'--colour'");
    }

    @Test
    void invokeLocal_exitsTwo_namingTheOption_whenItsValueIsMissing() {
        // when
        int exitCode = execute("--jar", "f.jar", "--handler", "C", "--event");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'--event'");
    }

    @Test
    void invokeLocal_exitsTwo_whenTheTimeoutIsNotPositive() {
        // when
        int exitCode = execute("--jar", "f.jar", "--handler", "C", "--event", "e.json", "--timeout", "0");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--timeout must be a positive whole number");
    }

    @Test
    void invokeLocal_exitsOne_withTheTimeoutErrorDocumentOnStdout_whenTheFunctionRunsPastItsTimeout()
            throws Exception {
        // given
        Path jar = TestFunctionJar.write(directory.resolve("test-function.jar"));
        Path event = Files.write(directory.resolve("event.json"), LocalInvokeTest.eventOf("sleep"));

        // when
        int exitCode = execute("--jar", jar.toString(), "--handler", TestFunctionJar.HANDLER, "--event",
                event.toString(), "--timeout", "1");

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("errorMessage").asText())
                .endsWith("Task timed out after 1.00 seconds");
    }
}

package dev.sensorpipeline.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process with its output captured. */
class RunLocalTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path stateDir;

    private int run(Map<String, String> environment, String... args) {
        RunLocal command = new RunLocal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
        return RunLocal.commandLine(command).execute(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_listsTheOptionsAndTheExitCodes() {
        // when
        int exitCode = run(Map.of(), "--help");

        // then
        assertThat(exitCode).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--function-name", "--function-jar", "--state-dir",
                "--until-idle", "--max-runtime", "--poll-interval", "--endpoint-url", "--region", "Exit codes:");
    }

    @Test
    void run_exitsTwo_onAnUnknownOption() {
        // when
        int exitCode = run(Map.of(), "--no-such-option");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(stderr()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void run_exitsThree_namingTheSetting_whenThereIsNoRegion() {
        // when
        int exitCode = run(Map.of(), "--state-dir", stateDir.toString(), "--endpoint-url", "http://127.0.0.1:1");

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(stderr()).startsWith("run-local: no region: set AWS_REGION");
    }

    @Test
    void run_exitsThree_withoutAStackTrace_whenTheEndpointDoesNotAnswer() throws Exception {
        // given
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        // when
        int exitCode = run(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "testing",
                        "AWS_SECRET_ACCESS_KEY", "testing"), "--state-dir", stateDir.toString(),
                "--endpoint-url", "http://127.0.0.1:" + closedPort);

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(stderr()).startsWith("run-local: cannot reach http://127.0.0.1:" + closedPort)
                .contains("moto_server").doesNotContain("\tat ");
    }
}

package dev.sensorpipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** The proxy as a shell script runs it: a process of its own. */
class FaultInjectingProxyMainTest {

    private static final MotoServer MOTO = MotoServer.shared();
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    @Test
    @Timeout(60)
    void main_printsWhereItListens_andItsStatsWhenStopped() throws Exception {
        // given
        Path errors = Files.createTempFile("fault-proxy-", ".err");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClassPath(),
                FaultInjectingProxy.class.getName(),
                "--upstream", MOTO.endpoint().toString(), "--seed", "3", "--throttle-get-records", "0.5"))
                .redirectError(errors.toFile())
                .start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {

            // when a client calls through it, and it is stopped as a script stops it (SIGTERM)
            String first = out.readLine();
            Matcher listening = LISTENING.matcher(String.valueOf(first));
            assertThat(listening.matches()).as("first line %s, stderr %s", first, Files.readString(errors)).isTrue();
            try (KinesisClient kinesis = NoRetryClients.kinesis(URI.create(listening.group(1)))) {
                kinesis.listStreams();
            }
            // Process.destroy() would also close our end of its output, before we read the last line.
            process.toHandle().destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<String> rest = out.lines().toList();

            // then
            assertThat(rest).hasSize(1).first().asString().startsWith("stats {");
            JsonNode stats = new ObjectMapper().readTree(rest.get(0).substring("stats ".length()));
            assertThat(stats.path("operations").path("Kinesis_20131202.ListStreams").path("requests").asLong())
                    .isEqualTo(1);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(errors);
        }
    }

    @Test
    @Timeout(60)
    void main_exitsWith2_andSaysWhy_onAnUnknownFlag() throws Exception {
        // when
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClassPath(),
                FaultInjectingProxy.class.getName(),
                "--upstream", MOTO.endpoint().toString(), "--no-such-flag", "1"))
                .start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        // then
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr).startsWith("unknown option --no-such-flag").contains("usage: FaultInjectingProxy");
    }

    /** Surefire puts the test class path here; java.class.path may only name its booter jar. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}

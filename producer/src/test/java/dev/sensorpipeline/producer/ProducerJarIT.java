package dev.sensorpipeline.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.testkit.LocalAws;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** The shaded jar as a process, configured the aws CLI's way through its environment. */
class ProducerJarIT {

    private static final URI ENDPOINT = LocalStreams.endpoint();
    private static final KinesisClient READER = LocalStreams.reader();

    @TempDir
    Path home;

    @Test
    void help_exitsWith0_andListsTheExitCodes() {
        // when
        JarProcess.Result result = JarProcess.run(isolated(), "--help");

        // then
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: sensor-producer", "Exit codes:");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void sendsToTheEndpointInAwsEndpointUrl_withRegionAndCredentialsFromTheEnvironment() {
        // given
        String stream = LocalStreams.create(ENDPOINT, "jar");
        Map<String, String> environment = local();
        environment.put("STREAM_NAME", stream);
        environment.remove("AWS_REGION");

        // when: no --stream, no --region, no --endpoint-url: STREAM_NAME, AWS_DEFAULT_REGION, AWS_ENDPOINT_URL
        JarProcess.Result result = JarProcess.run(environment, "--count", "1000", "--sensors", "13", "--seed", "7",
                "--start-time", "1764374400", "--rate", "0");

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).startsWith("delivered 1000 readings to stream '" + stream + "'");
        assertThat(result.out()).isEmpty();
        assertThat(LocalStreams.readAll(READER, stream)).hasSize(1000);
    }

    @Test
    void aMissingStream_exitsWith3_withAMessageNamingIt() {
        // when
        JarProcess.Result result = JarProcess.run(local(), "--count", "10", "--stream", "no-such-stream");

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("sensor-producer: stream 'no-such-stream' not found in us-east-1 at "
                + ENDPOINT + ". Create it (aws kinesis create-stream --cli-input-json "
                + "file://infra/temperature-sensor-stream.json) or name another with --stream or STREAM_NAME\n");
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource(delimiter = '|', value = {
            "AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY | sensor-producer: no AWS credentials found: set AWS_ACCESS_KEY_ID",
            "AWS_REGION AWS_DEFAULT_REGION           | sensor-producer: no AWS region configured: set AWS_REGION"})
    void missingCredentialsOrRegion_exitWith3_withAMessageSayingHowToSetThem(String unset, String expectedStart) {
        // given: those variables not in the environment, an empty home, no instance metadata
        Map<String, String> environment = local();
        for (String variable : unset.split(" ")) {
            environment.remove(variable);
        }

        // when
        JarProcess.Result result = JarProcess.run(environment, "--count", "10");

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).startsWith(expectedStart).doesNotContain("\tat ");
    }

    @Test
    void ctrlC_stopsCleanly_reportingWhatKinesisAccepted_whichIsWhatTheStreamHolds() {
        // given: a fleet at 200 readings a second with no end
        String stream = LocalStreams.create(ENDPOINT, "ctrl-c");
        try (JarProcess process = JarProcess.start(local(), true, "--stream", stream, "--rate", "200",
                "--progress", "always")) {
            process.awaitStderr(Pattern.compile("accepted [1-9]"));

            // when
            process.interrupt();
            JarProcess.Result result = process.awaitExit();

            // then
            assertThat(result.exitCode()).isEqualTo(130);
            Matcher summary = Pattern.compile("interrupted: Kinesis accepted (\\d+) readings").matcher(result.err());
            assertThat(summary.find()).as(result.err()).isTrue();
            assertThat(result.err()).contains("every reading taken was delivered");
            long accepted = Long.parseLong(summary.group(1));
            assertThat(LocalStreams.readAll(READER, stream)).hasSize((int) accepted);
        }
    }

    /** Only what the test gives: no credentials, profiles or instance metadata from this machine. */
    private Map<String, String> isolated() {
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", home.toString());
        environment.put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        return environment;
    }

    /** The isolated environment pointed at moto the aws CLI's way. */
    private Map<String, String> local() {
        Map<String, String> environment = isolated();
        environment.putAll(LocalAws.environment(ENDPOINT));
        // The producer must speak JSON to moto by itself, without the CLI's hint.
        environment.remove("CBOR_ENABLED");
        return environment;
    }
}

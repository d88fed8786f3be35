package dev.sensorpipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's main job and the soak, as users run them: the whole local pipeline (deploy.sh, the runner, the
 * function on the runtime interface client, the producer, moto) ends with nothing lost and nothing left running.
 */
class PipelineScriptsIT {

    record Run(int exitCode, String output) {
    }

    private static Run script(Map<String, String> env, String... command) throws IOException, InterruptedException {
        Path root = ProjectFiles.root();
        Path output = Files.createTempFile("pipeline-script-", ".log");
        List<String> line = new ArrayList<>(List.of("bash"));
        line.add(root.resolve(command[0]).toString());
        line.addAll(List.of(command).subList(1, command.length));
        ProcessBuilder builder = new ProcessBuilder(line).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        // The scripts start their own endpoint: nothing of the surrounding environment may point elsewhere.
        builder.environment().remove("AWS_ENDPOINT_URL");
        Process process = builder.start();
        assertThat(process.waitFor(15, TimeUnit.MINUTES)).as(command[0] + " finished").isTrue();
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /**
     * Processes this checkout runs for the pipeline: moto servers, runners, function JVMs, fault proxies. Only this
     * checkout's (their command lines name its files): other checkouts on the machine start and stop their own.
     */
    private static Set<Long> pipelineProcesses() {
        String root = ProjectFiles.root().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(root) && (c.contains("moto_server")
                        || c.contains("sensor-runner.jar") || c.contains("runtime.api.client.AWSLambda")
                        || c.contains("sensor-faults.jar"))).orElse(false))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    @Test
    void demo_storesPlainAndAggregatedReadingsAlike_endsWithLostZero_andLeavesNothingRunning() throws Exception {
        // given
        Set<Long> before = pipelineProcesses();

        // when: one fleet sends a reading per record, the other KPL-aggregated records of many
        Run run = script(Map.of("DEMO_READINGS", "1000", "DEMO_AGGREGATED_READINGS", "1000", "DEMO_SENSORS", "4"),
                "scripts/demo.sh");

        // then: every reading of both is stored, value for value (the demo compares each with its item)
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains(
                "produced  2000 (1000 one per record, 1000 KPL-aggregated)",
                "stored    2000 (1000 one per record, 1000 KPL-aggregated)",
                "rejected  4", "lost      0");
        assertThat(run.output()).as("the second fleet's readings packed many to a record")
                .containsPattern("delivered 1000 readings in [1-9][0-9]? records");
        assertThat(pipelineProcesses()).as("processes left running").isSubsetOf(before);
    }

    @Test
    void soak_storesEveryReadingExactly_plainAndAggregated_underFaultsAndASigkill_underNamesOfItsOwn()
            throws Exception {
        // given
        Set<Long> before = pipelineProcesses();

        // when: under names of its own, as deploy.sh takes them
        Run run = script(Map.of("STREAM_NAME", "soak-readings", "TABLE_NAME", "SoakData",
                "REJECTS_TABLE_NAME", "SoakRejects", "FUNCTION_NAME", "soak-ingest"), "scripts/soak.sh",
                "--count", "2000", "--aggregated", "1000", "--sensors", "10", "--bad", "10");

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("stream soak-readings, tables SoakData and SoakRejects, function soak-ingest");
        assertThat(run.output()).contains(
                "produced            3000 (2000 one per record, 1000 KPL-aggregated)",
                "stored              3000 (2000 one per record, 1000 KPL-aggregated)",
                "rejected            10 (of 10 bad records put)", "lost                0", "runner SIGKILLed    1");
        assertThat(run.output()).containsPattern("faults injected +[1-9]\\d* throttled, [1-9]\\d* failed \\(500\\), "
                + "[1-9]\\d* items left unprocessed, [1-9]\\d* entries refused");
        assertThat(pipelineProcesses()).as("processes left running").isSubsetOf(before);
    }
}

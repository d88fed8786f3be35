package dev.sensorpipeline.benchmarks.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.testkit.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke run of scripts/bench-function.sh as a user runs it (a few batches, DynamoDB answering at once): the three
 * variants each store every record and the output has its shape. No figure is asserted: they are the machine's.
 */
class BenchFunctionScriptIT {

    private static final String FIGURES = "\\d+ batches of \\d+ readings: Duration median [0-9.]+ ms, CPU [0-9.]+ ms"
            + " per 1,000 readings, [0-9.]+ DynamoDB requests per reading, \\d+ readings/s";

    @TempDir
    Path temp;

    @Test
    void smokeRun_printsAVariantLineEach_thenTheRatios() throws Exception {
        // given
        Path stdout = temp.resolve("stdout");
        Path stderr = temp.resolve("stderr");
        ProcessBuilder bench = new ProcessBuilder(ProjectFiles.resolve("scripts/bench-function.sh").toString(),
                "--latency-ms", "0", "--batches", "1", "--rounds", "1", "--warmup", "1",
                "--work-dir", temp.resolve("work").toString())
                .directory(ProjectFiles.root().toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());

        // when
        Process process = bench.start();
        boolean ended = process.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }

        // then
        String errors = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(ended).as("ended; stderr: %s", errors).isTrue();
        assertThat(process.exitValue()).as(errors).isZero();
        List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
        assertThat(lines).as(errors).hasSize(5);
        assertThat(lines.get(0)).matches("ours +" + FIGURES).contains("0.040 DynamoDB requests per reading");
        assertThat(lines.get(1)).matches("common +" + FIGURES).contains("1.000 DynamoDB requests per reading");
        assertThat(lines.get(2)).matches("book +" + FIGURES).contains("1.000 DynamoDB requests per reading");
        assertThat(lines.get(3)).matches("ours/common [0-9.]+x");
        assertThat(lines.get(4)).matches("ours/book [0-9.]+x");
        assertThat(temp.resolve("work").resolve("ours.log")).content().contains("REPORT RequestId: ");
    }
}

package dev.sensorpipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.testkit.MotoServer;
import dev.sensorpipeline.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md's "Run the stream locally" block, run as a newcomer pastes it into one shell: moto in the background,
 * deploy.sh, the producer, the runner until the stream is drained, the count of stored readings, moto stopped.
 *
 * <p>Two changes, both to keep the test from touching what a developer has: the first line (the Maven build) is left
 * out, because the reactor has built the jars by the time integration tests run and a Maven inside Maven's verify
 * would rebuild the jars under test; and port 5000 becomes a free one, as a developer may be running the README's
 * own moto. The block runs in a folder of its own whose entries link to the checkout's, so its logs and the
 * runner's checkpoints land there and not in the checkout.
 */
class ReadmeLocalBlockIT {

    private static final String SECTION = "## Run the stream locally";
    private static final String BUILD_LINE = "mvn -B -q package -DskipTests";

    @Test
    void theRunTheStreamLocallyBlock_storesEveryReadingItProduces_andStopsMoto(@TempDir Path folder)
            throws IOException, InterruptedException {
        // given the block as the README has it, in a folder that looks like the checkout
        List<String> block = bashBlockAfter(SECTION);
        assertThat(block.get(0)).as("the block's first line builds the jars").startsWith(BUILD_LINE);
        String port = Integer.toString(MotoServer.freeLoopbackPort());
        String script = String.join("\n", block.subList(1, block.size()))
                .replace("127.0.0.1:5000", "127.0.0.1:" + port).replace("-p 5000", "-p " + port);
        Path checkout = linkedCheckout(folder.resolve("checkout"));

        // when it runs in one shell
        Path output = folder.resolve("block.out");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(checkout.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        Process shell = builder.start();
        boolean ended;
        List<String> printed;
        String runnerLog;
        try {
            ended = shell.waitFor(5, TimeUnit.MINUTES);
            if (!ended) {
                shell.descendants().forEach(ProcessHandle::destroyForcibly);
                shell.destroyForcibly();
            }
            printed = Files.readAllLines(output, StandardCharsets.UTF_8);
            runnerLog = Files.readString(checkout.resolve("runner.log"));
        } finally {
            unlink(checkout);
        }

        // then: deploy said where, the function ran, every reading is stored, and moto is gone
        assertThat(ended).as("the block ended within 5 minutes; it printed:%n%s", printed).isTrue();
        assertThat(shell.exitValue()).as(String.join("\n", printed)).isZero();
        assertThat(printed).as("deploy.sh's summary").anyMatch(line -> line.startsWith("deployed to"));
        assertThat(printed.get(printed.size() - 2)).as("REPORT lines, one an invocation").matches("[1-9][0-9]*");
        assertThat(printed.get(printed.size() - 1)).as("the readings stored").isEqualTo("5000");
        assertThat(shell.descendants()).as("processes the block left running").isEmpty();
        assertThat(runnerLog).contains("REPORT RequestId");
    }

    /** The lines of the first {@code ```bash} block after the heading, as they stand in README.md. */
    private static List<String> bashBlockAfter(String heading) throws IOException {
        List<String> readme = Files.readAllLines(ProjectFiles.resolve("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf(heading);
        assertThat(start).as("README.md has the section '%s'", heading).isNotNegative();
        int open = start;
        while (!readme.get(open).equals("```bash")) {
            open++;
        }
        int close = open + 1;
        while (!readme.get(close).equals("```")) {
            close++;
        }
        return readme.subList(open + 1, close);
    }

    /** Removes the links, so that the folder's clean-up never follows one into the checkout. */
    private static void unlink(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.filter(Files::isSymbolicLink).toList()) {
                Files.delete(entry);
            }
        }
    }

    /** A folder whose entries are links to the checkout's own (but its logs and runner state). */
    private static Path linkedCheckout(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path root = ProjectFiles.root();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.endsWith(".log") && !name.equals(".local-runner") && !name.equals(".git")) {
                    Files.createSymbolicLink(folder.resolve(name), entry);
                }
            }
        }
        return folder;
    }
}

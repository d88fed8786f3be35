package dev.sensorpipeline.local.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.testkit.LocalAws;
import dev.sensorpipeline.testkit.ProjectFiles;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the project's scripts as users do, against a local endpoint: from the root, no terminal, output kept. */
final class Scripts {

    /** What a script printed, and how it ended. */
    record Run(int exitCode, String stdout, String stderr) {

        /** Both streams, for an assertion's description. */
        String output() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private final URI endpoint;

    Scripts(URI endpoint) {
        this.endpoint = endpoint;
    }

    Run run(String script, String... args) {
        return run(Map.of(), script, args);
    }

    Run run(Map<String, String> extraEnvironment, String script, String... args) {
        Path root = ProjectFiles.root();
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("scripts/" + script).toString()));
        command.addAll(List.of(args));
        try {
            Path stdout = Files.createTempFile("script-", ".out");
            Path stderr = Files.createTempFile("script-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Map<String, String> environment = new HashMap<>(LocalAws.environment(endpoint));
            environment.putAll(extraEnvironment);
            builder.environment().putAll(environment);
            Process process = builder.start();
            assertThat(process.waitFor(10, TimeUnit.MINUTES)).as(script + " finished").isTrue();
            Run run = new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
            Files.delete(stdout);
            Files.delete(stderr);
            return run;
        } catch (IOException e) {
            throw new IllegalStateException("could not run scripts/" + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running scripts/" + script, e);
        }
    }
}

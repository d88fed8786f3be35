package dev.sensorpipeline.testkit;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real aws CLI against a local endpoint, as the project's users and scripts do. */
public final class AwsCli {

    private final URI endpoint;

    public AwsCli(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The result of one command. */
    public record Result(int exitCode, String stdout, String stderr) {
        public Result orThrow() {
            if (exitCode != 0) {
                throw new IllegalStateException("aws CLI exited " + exitCode + ": " + stderr.strip());
            }
            return this;
        }
    }

    /** Runs {@code aws ARGS...} from the project root, so {@code file://infra/...} arguments resolve. */
    public Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("aws");
        command.addAll(List.of(args));
        try {
            java.nio.file.Path errors = java.nio.file.Files.createTempFile("aws-cli-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(ProjectFiles.root().toFile())
                    .redirectError(errors.toFile());
            builder.environment().putAll(LocalAws.environment(endpoint));
            Process process = builder.start();
            process.getOutputStream().close();
            var stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("aws " + String.join(" ", args) + " did not finish in 120 s");
            }
            String stderr = java.nio.file.Files.readString(errors);
            java.nio.file.Files.deleteIfExists(errors);
            return new Result(process.exitValue(), new String(stdout, StandardCharsets.UTF_8), stderr);
        } catch (IOException e) {
            throw new IllegalStateException("could not run the aws CLI: " + e.getMessage()
                    + ". Install it with: pip install awscli", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running the aws CLI", e);
        }
    }
}

package dev.sensorpipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a bash script as a user would, with stand-ins first on the PATH for the tools that start things (mvn, aws,
 * python3, moto_server, docker, curl, and java except for {@code --help}): each call of one is written to a log and
 * fails, so a test sees whether a script built, deployed or started anything.
 */
final class ScriptShell {

    /** What a run left: its exit code, stdout and stderr, and the calls of the stand-ins. */
    record Run(int exitCode, String stdout, String stderr, List<String> started) {

        List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }

    private static final List<String> STAND_INS = List.of("mvn", "aws", "python3", "moto_server", "docker", "curl");

    private final Path dir;
    private final Path log;
    private final Map<String, String> environment = new HashMap<>();

    ScriptShell(Path dir) {
        this.dir = dir;
        this.log = dir.resolve("started.log");
        try {
            Path bin = Files.createDirectories(dir.resolve("bin"));
            for (String tool : STAND_INS) {
                standIn(bin.resolve(tool), "");
            }
            // java may only print a help text: a script's --help shows its Java command's options that way.
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            standIn(bin.resolve("java"), "case \" $* \" in *' --help '*) exec '" + java + "' \"$@\" ;; esac\n");
            environment.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void standIn(Path file, String passThrough) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + passThrough
                + "echo \"$(basename \"$0\") $*\" >> '" + log + "'\nexit 97\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    ScriptShell with(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Runs {@code bash SCRIPT ARGS...} from the given folder, nothing on stdin, AWS_ENDPOINT_URL unset unless set. */
    Run run(Path workingDir, Path script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "stdout-", ".log");
        Path err = Files.createTempFile(dir, "stderr-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().remove("AWS_ENDPOINT_URL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as(script + " finished").isTrue();
        List<String> started = Files.exists(log) ? Files.readAllLines(log) : List.of();
        Files.deleteIfExists(log);
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), started);
    }
}

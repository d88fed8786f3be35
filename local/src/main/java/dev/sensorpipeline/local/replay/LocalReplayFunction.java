package dev.sensorpipeline.local.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The function's jar run locally by scripts/invoke-local.sh, against whatever endpoint the environment names: the
 * very invocation a user runs by hand, each in a JVM of its own. Its logs pass through to stderr.
 */
public final class LocalReplayFunction implements ReplayFunction {

    /** invoke-local.sh's exit codes: the function returned, or it failed (stdout: Lambda's error document). */
    private static final int RETURNED = 0;
    private static final int FUNCTION_ERROR = 1;

    private final Path invokeLocalScript;

    public LocalReplayFunction(Path invokeLocalScript) {
        this.invokeLocalScript = invokeLocalScript;
    }

    @Override
    public String describe() {
        return "the local function (" + invokeLocalScript.getFileName() + ")";
    }

    @Override
    public Invocation invoke(byte[] event) {
        Path eventFile = null;
        try {
            eventFile = Files.createTempFile("replay-event-", ".json");
            Files.write(eventFile, event);
            Process process = new ProcessBuilder(List.of("bash", invokeLocalScript.toString(), eventFile.toString()))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int exit = process.waitFor();
            if (exit == RETURNED || exit == FUNCTION_ERROR) {
                return new Invocation(exit == FUNCTION_ERROR, stdout);
            }
            throw new StoreUnavailableException(invokeLocalScript + " exited " + exit + " (see above)", null);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot run " + invokeLocalScript + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted invoking " + invokeLocalScript, e);
        } finally {
            deleteQuietly(eventFile);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind; the system's tmp cleaner takes it
            }
        }
    }
}

package dev.sensorpipeline.local;

import dev.sensorpipeline.local.invoke.LocalInvoke;
import dev.sensorpipeline.local.runner.base.CommandLines;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The command line of {@link LocalInvoke}: runs a function's jar on one event in this JVM, the way the Lambda Java
 * runtime does. Prints the response as the only line of stdout; the function's output and Lambda's START, END and
 * REPORT lines go to stderr, as in {@code sam local invoke}.
 */
@Command(name = "invoke-local", mixinStandardHelpOptions = true, version = "invoke-local 0.1.0", sortOptions = false,
        usageHelpWidth = 110,
        description = "Runs the function on the event as the Lambda Java runtime does, cut off at its timeout as"
                + " Lambda does; prints the response (or Lambda's error document) on stdout.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the function returned",
            "1:it failed: in its init, in the invocation, or at its timeout (stdout holds Lambda's error document)",
            "2:bad usage"})
public final class InvokeLocal implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_FUNCTION_ERROR = 1;
    static final int EXIT_USAGE = 2;

    @Option(names = "--jar", required = true, paramLabel = "FUNCTION.jar", description = "The function's code.")
    Path jar;

    @Option(names = "--handler", required = true, paramLabel = "CLASS[::METHOD]",
            description = "The function's Handler.")
    String handler;

    @Option(names = "--event", required = true, paramLabel = "EVENT.json", description = "The event, a JSON file.")
    Path event;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "The function's Timeout (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--memory", paramLabel = "MB", defaultValue = "1024",
            description = "The function's MemorySize (default: ${DEFAULT-VALUE}).")
    int memoryMb;

    @Option(names = "--function-name", paramLabel = "NAME",
            defaultValue = "${env:AWS_LAMBDA_FUNCTION_NAME:-sensor-ingest}",
            description = "The function's name in its context (default: $AWS_LAMBDA_FUNCTION_NAME, else"
                    + " sensor-ingest).")
    String functionName;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    InvokeLocal(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream stdout = System.out;
        // The function's own output joins the REPORT line on stderr, so stdout carries only the response.
        System.setOut(System.err);
        System.exit(commandLine(new InvokeLocal(stdout, System.err)).execute(args));
    }

    static CommandLine commandLine(InvokeLocal command) {
        return CommandLines.writingTo(command, command.out, command.err);
    }

    @Override
    public Integer call() {
        if (timeoutSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout must be a positive whole number of seconds,"
                    + " not " + timeoutSeconds);
        }
        if (memoryMb <= 0) {
            throw new ParameterException(spec.commandLine(), "--memory must be a positive whole number of MB, not "
                    + memoryMb);
        }
        byte[] eventBytes;
        try {
            eventBytes = Files.readAllBytes(event);
        } catch (IOException e) {
            err.println("invoke-local: cannot read the event file " + event + ": " + e.getMessage());
            return EXIT_USAGE;
        }
        LocalInvoke.Result result;
        try {
            result = LocalInvoke.invoke(new LocalInvoke.Request(jar, handler, eventBytes,
                    Duration.ofSeconds(timeoutSeconds), memoryMb, functionName), err);
        } catch (IllegalArgumentException e) {
            err.println("invoke-local: " + e.getMessage());
            return EXIT_USAGE;
        }
        out.println(result.response());
        out.flush();
        return result.functionError() ? EXIT_FUNCTION_ERROR : EXIT_OK;
    }
}

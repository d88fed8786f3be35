package dev.sensorpipeline.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The tools' answer to a bad argument. Picocli's default is the whole help, which buries the one line that
 * matters; this says what is wrong, suggests the near names of a mistyped option, and says where the help is.
 */
public final class UsageErrors {

    private UsageErrors() {
    }

    /** Sets the answer on {@code commandLine} and returns it, for {@code main}. */
    public static CommandLine oneLine(CommandLine commandLine) {
        String tool = commandLine.getCommandName();
        return commandLine.setParameterExceptionHandler((e, args) -> report(tool, e));
    }

    /**
     * Says {@code e} in one line prefixed by the tool's name, and where the (sub)command's help is.
     *
     * @return the command's exit code for invalid input (2 unless the command sets another)
     */
    public static int report(String tool, ParameterException e) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String message = e.getMessage().startsWith("Error: ") ? e.getMessage().substring(7) : e.getMessage();
        err.println(tool + ": " + message);
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options and exit "
                + "codes.");
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }
}

package dev.sensorpipeline.readings;

import dev.sensorpipeline.readings.query.TableUnavailableException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The read side: queries SensorData by its keys, summarises the readings, exports them and charts them. The
 * subcommands do the work; this wires them and turns failures into one line and an exit code.
 */
@Command(name = ReadingsCommand.NAME, mixinStandardHelpOptions = true,
        version = "sensor-readings 0.1.0",
        subcommands = {RangeCommand.class, HottestCommand.class, StatsCommand.class, PlotCommand.class},
        description = {"Reads the sensors' readings back from DynamoDB (SensorData: hash SensorId, range "
                + "CurrentTime, LSI TemperatureIndex) with Query only, never a scan: a sensor's readings in a time "
                + "range, its hottest or coldest, their statistics per time bucket, and charts of them.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done; also when a sensor has no readings in the range (said on stderr)",
            "1:the table does not exist, the endpoint does not answer or refused the request, the region or "
                    + "credentials are missing; or the chart could not be written",
            "2:bad arguments: a bad time, --from after --to, a bad bucket or format, an --out not .html or .png",
            "70:internal error: a bug, please report it with the stack trace"},
        footerHeading = "%nConfiguration:%n",
        footer = {
            "Like the aws CLI and the producer: AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_DYNAMODB) for a local "
                    + "endpoint, AWS_REGION or AWS_DEFAULT_REGION, AWS_PROFILE, the default credentials chain; "
                    + "TABLE_NAME (default SensorData).",
            "A line on stderr every 2 s while a query runs long; --verbose adds the read capacity consumed.",
            "",
            "Examples:",
            "  sensor-readings range sensor-1 --from 2025-11-29T12:00:00Z --to 2025-11-29T18:00:00Z",
            "  sensor-readings hottest sensor-1 -n 5 --format json",
            "  sensor-readings stats sensor-1 sensor-2 --bucket 1h --format csv",
            "  sensor-readings plot sensor-1 sensor-2 --out sensors.html"})
public final class ReadingsCommand implements Runnable {

    static final String NAME = "sensor-readings";

    @Spec
    private CommandSpec spec;

    private final Dependencies dependencies;

    public ReadingsCommand() {
        this(Dependencies.system());
    }

    ReadingsCommand(Dependencies dependencies) {
        this.dependencies = dependencies;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new ReadingsCommand()).execute(args));
    }

    /** The command as main runs it: one line for a bad argument, one line for a table error, exit codes set. */
    static CommandLine commandLine(ReadingsCommand command) {
        return new CommandLine(command)
                .setParameterExceptionHandler(ReadingsCommand::badArguments)
                .setExecutionExceptionHandler(ReadingsCommand::failed);
    }

    Dependencies dependencies() {
        return dependencies;
    }

    /** Without a subcommand: the usage, and bad usage. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: range, hottest, stats or plot");
    }

    private static int badArguments(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String message = e.getMessage().startsWith("Error: ") ? e.getMessage().substring(7) : e.getMessage();
        err.println(NAME + ": " + message);
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options and exit "
                + "codes.");
        err.flush();
        return ExitCode.USAGE;
    }

    private static int failed(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof ParameterException parameter) {
            return badArguments(parameter, parseResult.originalArgs().toArray(String[]::new));
        }
        if (e instanceof TableUnavailableException || e instanceof UncheckedIOException) {
            err.println(NAME + ": " + e.getMessage());
            err.flush();
            return ExitCode.TABLE;
        }
        err.println(NAME + ": internal error, a bug: please report it with this stack trace");
        e.printStackTrace(err);
        err.flush();
        return ExitCode.INTERNAL;
    }
}

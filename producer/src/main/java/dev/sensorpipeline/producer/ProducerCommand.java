package dev.sensorpipeline.producer;

import dev.sensorpipeline.cli.UsageErrors;
import dev.sensorpipeline.model.ReadingCodec;
import dev.sensorpipeline.producer.fleet.Fleet;
import dev.sensorpipeline.producer.fleet.FleetSpec;
import dev.sensorpipeline.producer.kinesis.DefaultKinesisConnector;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The mock sensor fleet: simulates sensors and writes their readings to a Kinesis stream with PutRecords, as fast
 * as asked and without losing one silently; or prints them, or writes them as a Lambda test event.
 */
@Command(name = "sensor-producer", mixinStandardHelpOptions = true, sortOptions = false,
        version = "sensor-producer 0.1.0",
        exitCodeOnExecutionException = ExitCode.INTERNAL,
        description = {
            "Simulates a fleet of temperature sensors and writes their readings to a Kinesis stream with "
                    + "PutRecords (up to 500 readings a call), partitioned by sensor.",
            "Refused entries are retried with capped exponential backoff and full jitter. The same --seed and "
                    + "--start-time give the same readings, sent or printed.",
            "With --aggregate, the readings of a call are packed into KPL aggregated records, many readings a "
                    + "record, each on the shard its sensor's key picks: past a shard's 1,000 records a second.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every reading was delivered (or printed, or written)",
            "1:some readings were not delivered: refused after --max-retries, or a call failed; the summary "
                    + "says how many",
            "2:bad arguments",
            "3:the stream does not exist, or the AWS configuration (region, credentials, endpoint) is missing "
                    + "or refused",
            "70:internal error: a bug, please report it with the stack trace",
            "130:interrupted (Ctrl-C): the summary says what Kinesis accepted and what it did not"},
        footerHeading = "%nConfiguration:%n",
        footer = {
            "Like the aws CLI: AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_KINESIS) for a local endpoint, "
                    + "AWS_REGION or AWS_DEFAULT_REGION, AWS_PROFILE, and the default credentials chain "
                    + "(environment, ~/.aws, container and instance roles).",
            "The producer speaks JSON to Kinesis, not CBOR (set CBOR_ENABLED=true to change that).",
            "A summary line goes to stderr at the end of every run; a live progress line too, on a terminal.",
            "",
            "Examples:",
            "  sensor-producer -n 13 -c 5000 --seed 7 --start-time 1764374400 --rate 0",
            "  sensor-producer -n 3 -c 6 --seed 7 --start-time 2025-11-29T00:00:00Z --dry-run",
            "  sensor-producer -c 100 --humidity --events-out test-payloads/fleet.json",
            "  sensor-producer -n 5000 -i 5 --aggregate"})
public final class ProducerCommand implements Callable<Integer> {

    static final String NAME = "sensor-producer";
    /** Long enough for a call in flight to end, at worst by timing out, and the summary to be written. */
    private static final Duration CTRL_C_GRACE = DefaultKinesisConnector.CALL_TIMEOUT.plusSeconds(5);

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProducerOptions options;

    private final Dependencies dependencies;

    public ProducerCommand() {
        this(Dependencies.system());
    }

    ProducerCommand(Dependencies dependencies) {
        this.dependencies = dependencies;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new ProducerCommand()).execute(args));
    }

    /** The command, set up as main runs it: one line for a bad argument ({@link UsageErrors}). */
    static CommandLine commandLine(ProducerCommand command) {
        return UsageErrors.oneLine(new CommandLine(command));
    }

    @Override
    public Integer call() {
        new OptionChecks(options, spec.commandLine()).check();
        long fleetSeed = options.seed() != null ? options.seed() : dependencies.seeds().getAsLong();
        long fleetStart = options.startTime() != null ? options.startTime()
                : dependencies.wallClock().instant().getEpochSecond();
        FleetSpec fleet = new FleetSpec(options.sensors(), options.sensorPrefix(), options.interval(),
                options.humidity(), fleetSeed, fleetStart);
        EntrySource entries = new EntrySource(new Fleet(fleet), new ReadingCodec(), options.keyMode(),
                options.limit(fleet));
        CountDownLatch finished = new CountDownLatch(1);
        Thread ctrlC = dependencies.handleCtrlC() ? onCtrlC(finished) : null;
        try {
            return mode().run(entries, fleet).code();
        } finally {
            err().flush();
            out().flush();
            finished.countDown();
            removeHook(ctrlC);
        }
    }

    /** An event file, else a dry run, else the stream. */
    private RunMode mode() {
        RunContext context = new RunContext(options, dependencies, out(), err());
        if (options.eventsOut() != null) {
            return new EventFileRun(context);
        }
        return options.dryRun() ? new DryRun(context) : new StreamRun(context);
    }

    /**
     * On Ctrl-C the JVM runs its shutdown hooks and then halts; this one raises the stop signal and holds the halt
     * until the run has finished its call in flight and written the summary.
     */
    private Thread onCtrlC(CountDownLatch finished) {
        Thread hook = new Thread(() -> {
            dependencies.stop().requestStop();
            try {
                finished.await(CTRL_C_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, NAME + "-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void removeHook(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it is what lets this run finish its summary.
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}

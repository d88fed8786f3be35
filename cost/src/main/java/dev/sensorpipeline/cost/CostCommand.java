package dev.sensorpipeline.cost;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scripts/cost.sh}: the pipeline's monthly bill at a reading rate, line by line, next to the book's. */
@Command(name = "cost.sh", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Estimates what the pipeline costs a month at a reading rate, line by line, next to the book's"
                + " design (one PutRecord and one PutItem per reading), from list prices in one data file. The model"
                + " and its assumptions: docs/COST.md.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:estimated", "1:the prices file could not be read", "2:bad usage"})
public final class CostCommand implements Callable<Integer> {

    static final String US_EAST_1 = "us-east-1";

    @Spec
    private CommandSpec spec;

    @Option(names = "--readings-per-second", required = true, paramLabel = "R",
            description = "readings the fleet sends a second, all sensors together")
    private double readingsPerSecond;

    @Option(names = "--sensors", paramLabel = "N", defaultValue = "100",
            description = "sensors in the fleet (default: ${DEFAULT-VALUE})")
    private int sensors;

    @Option(names = "--aggregate", description = "the producer packs readings into KPL aggregated records")
    private boolean aggregate;

    @Option(names = "--humidity", description = "readings carry humidity")
    private boolean humidity;

    @Option(names = "--ttl-days", paramLabel = "D", description = "READING_TTL_DAYS: readings expire after D days")
    private Integer ttlDays;

    @Option(names = "--month", paramLabel = "M", defaultValue = "12",
            description = "the month of running priced; without TTL storage grows each month"
                    + " (default: ${DEFAULT-VALUE})")
    private int month;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = US_EAST_1,
            description = "the region; prices are us-east-1's, others need --price-factor (default: ${DEFAULT-VALUE})")
    private String region;

    @Option(names = "--price-factor", paramLabel = "F",
            description = "the region's prices as a multiple of us-east-1's, e.g. 1.1")
    private Double priceFactor;

    @Option(names = "--prices", paramLabel = "FILE",
            defaultValue = "${env:SENSOR_COST_PRICES:-infra/prices-us-east-1.json}",
            description = "the prices data file (default: ${DEFAULT-VALUE})")
    private Path pricesFile;

    @Option(names = "--batch-duration-ms", paramLabel = "MS", defaultValue = "150",
            description = "the function's Duration for a batch of 100 readings, scaled to the readings of a batch"
                    + " (default: ${DEFAULT-VALUE}, docs/PERFORMANCE.md, End to end: REPORT lines after the first)")
    private double msPer100Readings;

    @Option(names = "--book-put-ms", paramLabel = "MS", defaultValue = "10",
            description = "one PutItem's round trip, which the book's function pays once a reading, in turn"
                    + " (default: ${DEFAULT-VALUE}, moto's per-request latency in docs/PERFORMANCE.md)")
    private double bookMsPerPutItem;

    public static void main(String[] args) {
        System.exit(commandLine(new CostCommand()).execute(args));
    }

    /**
     * The command as main runs it. Picocli checks required options before it reports an unknown one, so
     * {@code --readings-per-secnd 100} would be answered "Missing required option"; and its default answer to a bad
     * argument is the whole help. This one names an unknown option first, in one line.
     */
    static CommandLine commandLine(CostCommand command) {
        return new CommandLine(command).setParameterExceptionHandler(CostCommand::badArguments);
    }

    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        String message = e.getMessage();
        if (e instanceof CommandLine.MissingParameterException) {
            message = firstUnknownOption(commandLine.getCommandSpec(), args).map(o -> "Unknown option: '" + o + "'")
                    .orElse(message);
        }
        commandLine.getErr().println("cost: " + message + "; see --help");
        commandLine.getErr().flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static Optional<String> firstUnknownOption(CommandSpec spec, String[] args) {
        return Arrays.stream(args)
                .filter(arg -> arg.startsWith("--"))
                .filter(arg -> spec.findOption(arg.split("=", 2)[0]) == null)
                .findFirst();
    }

    @Override
    public Integer call() {
        Workload workload = workload();
        Prices prices;
        try {
            prices = pricesFor(Prices.load(pricesFile));
        } catch (IOException e) {
            spec.commandLine().getErr().println("cost: cannot read the prices: " + e.getMessage());
            return 1;
        }
        if (!(msPer100Readings > 0) || !(bookMsPerPutItem > 0)) {
            throw usage("--batch-duration-ms and --book-put-ms must be more than 0");
        }
        CostModel model = new CostModel(prices, msPer100Readings, bookMsPerPutItem);
        print(spec.commandLine().getOut(), workload, prices, model.estimate(workload, Design.OURS),
                model.estimate(workload, Design.BOOK));
        return 0;
    }

    private Workload workload() {
        try {
            return new Workload(readingsPerSecond, sensors, aggregate, humidity,
                    ttlDays == null ? OptionalInt.empty() : OptionalInt.of(ttlDays), month);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private Prices pricesFor(Prices usEast1) {
        if (region.equals(usEast1.region())) {
            if (priceFactor != null) {
                throw usage("--price-factor is for regions other than " + usEast1.region() + ", whose prices the"
                        + " file holds");
            }
            return usEast1;
        }
        if (priceFactor == null) {
            throw usage("the prices are " + usEast1.region() + " list prices; for " + region + " give"
                    + " --price-factor F, its prices as a multiple of " + usEast1.region() + "'s (from the pages"
                    + " named in " + pricesFile + ")");
        }
        if (!(priceFactor > 0) || priceFactor.isInfinite()) {
            throw usage("--price-factor must be more than 0, not " + priceFactor);
        }
        return usEast1.scaledFor(region, priceFactor);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private void print(PrintWriter out, Workload work, Prices prices, Estimate ours, Estimate book) {
        out.printf(Locale.ROOT, "monthly estimate: %s readings/s from %d sensors, %s, %s, %s, month %d%n",
                CostModel.number(work.readingsPerSecond()), work.sensors(),
                work.aggregate() ? "KPL-aggregated records" : "one reading a record",
                work.humidity() ? "with humidity" : "no humidity",
                work.ttlDays().isPresent() ? "TTL " + work.ttlDays().getAsInt() + " days" : "no TTL", work.month());
        out.printf(Locale.ROOT, "prices: %s list prices of %s from %s%s (USD)%n", US_EAST_1, prices.asOf(),
                pricesFile, prices.region().equals(US_EAST_1) ? ""
                        : String.format(Locale.ROOT, ", times %s for %s", priceFactor, prices.region()));
        out.printf(Locale.ROOT, "%-30s %12s %15s%n", "USD a month", "ours", book.design().label());
        for (int i = 0; i < ours.lines().size(); i++) {
            Estimate.Line line = ours.lines().get(i);
            Estimate.Line bookLine = book.lines().get(i);
            out.printf(Locale.ROOT, "%-30s %12.2f %15.2f%n", line.item(), line.usd(), bookLine.usd());
            out.printf(Locale.ROOT, "    ours: %s%n", line.quantity());
            out.printf(Locale.ROOT, "    book: %s%n", bookLine.quantity());
        }
        ours.notes().forEach(note -> out.println("note: " + note));
        book.notes().forEach(note -> out.println("note: " + note));
        out.printf(Locale.ROOT, "%-30s %12.2f %15.2f%n", "total", ours.total(), book.total());
        out.printf(Locale.ROOT, "book's design: total %.2f per month%n", book.total());
        out.printf(Locale.ROOT, "total %.2f per month%n", ours.total());
    }
}

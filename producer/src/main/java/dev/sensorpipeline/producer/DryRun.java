package dev.sensorpipeline.producer;

import dev.sensorpipeline.producer.delivery.StopSignal;
import dev.sensorpipeline.producer.fleet.FleetSpec;
import java.io.PrintWriter;

/** {@code --dry-run}: the readings as JSON lines on stdout, nothing sent. */
final class DryRun implements RunMode {

    private final ProducerOptions options;
    private final StopSignal stop;
    private final PrintWriter out;
    private final PrintWriter err;

    DryRun(ProducerOptions options, StopSignal stop, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.stop = stop;
        this.out = out;
        this.err = err;
    }

    @Override
    public int run(EntrySource entries, FleetSpec fleet) {
        PrintingSource printing = new PrintingSource(entries, out);
        long printed = 0;
        while (printing.hasNext() && !stop.isStopRequested()) {
            printing.next();
            printed++;
        }
        out.flush();
        boolean stopped = stop.isStopRequested() && entries.hasNext();
        err.println(LocalRunSummary.of(options, printed, fleet, stopped || printing.outputClosed(), 0));
        return stopped ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }
}

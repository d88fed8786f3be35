package dev.sensorpipeline.producer;

import dev.sensorpipeline.producer.delivery.StopSignal;
import dev.sensorpipeline.producer.fleet.FleetSpec;
import java.io.PrintWriter;

/** {@code --dry-run}: the readings as JSON lines on stdout, nothing sent. */
final class DryRun implements RunMode {

    private final RunContext context;

    DryRun(RunContext context) {
        this.context = context;
    }

    @Override
    public ExitCode run(EntrySource entries, FleetSpec fleet) {
        StopSignal stop = context.dependencies().stop();
        PrintWriter out = context.out();
        PrintingSource printing = new PrintingSource(entries, out);
        long printed = 0;
        while (printing.hasNext() && !stop.isStopRequested()) {
            printing.next();
            printed++;
        }
        out.flush();
        boolean stopped = stop.isStopRequested() && entries.hasNext();
        boolean cutShort = stopped || printing.outputClosed();
        context.err().println(LocalRunSummary.of(context.options(), printed, fleet, cutShort, 0));
        return stopped ? ExitCode.INTERRUPTED : ExitCode.OK;
    }
}

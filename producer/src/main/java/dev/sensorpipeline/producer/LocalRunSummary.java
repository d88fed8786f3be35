package dev.sensorpipeline.producer;

import dev.sensorpipeline.producer.fleet.FleetSpec;
import java.time.Instant;

/** The summary line of a run that sends nothing: a dry run, an event file, or both. */
final class LocalRunSummary {

    private LocalRunSummary() {
    }

    /**
     * @param written  readings printed or written
     * @param cutShort whether Ctrl-C or a closed output ended the run early
     * @param records  the event's records, when written
     */
    static String of(ProducerOptions options, long written, FleetSpec fleet, boolean cutShort, long records) {
        String what = written + " readings of " + fleet.sensors() + " sensors from "
                + Instant.ofEpochSecond(fleet.startTime());
        String event = "written to " + options.eventsOut() + " as a Lambda Kinesis event"
                + (options.aggregate() ? " of " + records + " records" : "");
        boolean dryRun = options.dryRun();
        String where = dryRun && options.eventsOut() != null ? "printed and " + event : dryRun ? "printed" : event;
        return (cutShort ? "interrupted: " : "dry run: ") + what + " " + where + "; nothing sent to Kinesis; seed "
                + fleet.seed();
    }
}

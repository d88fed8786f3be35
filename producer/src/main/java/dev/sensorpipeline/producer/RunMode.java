package dev.sensorpipeline.producer;

import dev.sensorpipeline.producer.fleet.FleetSpec;

/** One way of running the fleet: print it, write it as an event file, or send it to the stream. */
interface RunMode {

    /**
     * @param entries the fleet's entries, up to the run's limit
     * @return how the run ended
     */
    ExitCode run(EntrySource entries, FleetSpec fleet);
}

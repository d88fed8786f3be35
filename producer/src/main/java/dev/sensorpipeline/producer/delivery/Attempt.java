package dev.sensorpipeline.producer.delivery;

/**
 * An entry and how many times Kinesis has refused it so far.
 *
 * @param entry   the entry
 * @param refusals 0 for an entry never sent
 */
record Attempt(PutEntry entry, int refusals) {

    static Attempt first(PutEntry entry) {
        return new Attempt(entry, 0);
    }

    Attempt refusedAgain() {
        return new Attempt(entry, refusals + 1);
    }
}

package dev.sensorpipeline.local.runner.delivery;

/** What an invocation meant for its batch, as Lambda reads the function's answer. */
public sealed interface BatchOutcome {

    /** Every record is done. */
    record Success() implements BatchOutcome {
    }

    /** The function reported failures; the records before the lowest one named are done. */
    record PartialFailure(String lowestSequenceNumber) implements BatchOutcome {
    }

    /** Nothing is done: the function failed, or its response says the whole batch failed. */
    record Failure(String reason) implements BatchOutcome {
    }
}

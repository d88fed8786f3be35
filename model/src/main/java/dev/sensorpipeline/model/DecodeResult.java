package dev.sensorpipeline.model;

/**
 * What the decoder made of one record's bytes: a valid reading, or the reason it can never be one.
 */
public sealed interface DecodeResult permits DecodeResult.Decoded, DecodeResult.Rejected {

    /** The record is a valid reading. */
    record Decoded(SensorReading reading) implements DecodeResult {
    }

    /**
     * The record can never be a valid reading.
     *
     * @param reason a sentence naming the field and the problem, fit to show to whoever sent the record
     */
    record Rejected(String reason) implements DecodeResult {
    }
}

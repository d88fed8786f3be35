package dev.sensorpipeline.producer.delivery;

/**
 * Kinesis's PUT payload units, what a provisioned stream's puts are billed in: every record counts one unit per
 * started 25 KiB of its payload, so a reading of 80 bytes costs as much as a record of 25 KiB.
 */
public final class PayloadUnits {

    /** One unit's bytes. */
    public static final int UNIT_BYTES = 25 * 1024;

    private PayloadUnits() {
    }

    /** The units of one record of {@code recordBytes}, data and partition key: at least one. */
    public static long of(long recordBytes) {
        return Math.max(1, (recordBytes + UNIT_BYTES - 1) / UNIT_BYTES);
    }
}

package dev.sensorpipeline.cost;

import java.util.OptionalInt;

/**
 * What the pipeline is asked to carry.
 *
 * @param readingsPerSecond readings the fleet sends a second, all sensors together
 * @param sensors           sensors in the fleet: the partition keys, and the item collections
 * @param aggregate         whether the producer packs readings into KPL aggregated records
 * @param humidity          whether readings carry humidity
 * @param ttlDays           READING_TTL_DAYS, when readings expire
 * @param month             which month of running the estimate is for: storage without TTL grows every month
 */
public record Workload(
        double readingsPerSecond, int sensors, boolean aggregate, boolean humidity, OptionalInt ttlDays, int month) {

    public Workload {
        if (!(readingsPerSecond > 0) || Double.isInfinite(readingsPerSecond)) {
            throw new IllegalArgumentException("readings per second must be more than 0, not " + readingsPerSecond);
        }
        if (sensors < 1) {
            throw new IllegalArgumentException("sensors must be 1 or more, not " + sensors);
        }
        if (ttlDays.isPresent() && (ttlDays.getAsInt() < 1 || ttlDays.getAsInt() > 36_500)) {
            throw new IllegalArgumentException("TTL days must be 1 to 36500 (as READING_TTL_DAYS), not "
                    + ttlDays.getAsInt());
        }
        if (month < 1) {
            throw new IllegalArgumentException("month must be 1 or more, not " + month);
        }
    }

    /** The book's design carries the same readings one per record, without TTL. */
    Workload asTheBookWrites() {
        return new Workload(readingsPerSecond, sensors, false, humidity, OptionalInt.empty(), month);
    }
}

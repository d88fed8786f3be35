package dev.sensorpipeline.producer.fleet;

import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import java.util.Iterator;

/**
 * A simulated fleet's readings, tick by tick: at tick {@code k} (fleet time {@code startTime + k * interval}) every
 * sensor reads once, {@code sensor-1} first. The sequence is endless; callers take as many as they need.
 *
 * <p>The same {@link FleetSpec} gives the same sequence, value for value. A sensor's series depends only on the seed
 * and its own number, so {@code sensor-3} reads the same in a fleet of 5 as in a fleet of 500.
 *
 * <p>Not thread-safe: one fleet, one consumer.
 */
public final class Fleet implements Iterator<SensorReading> {

    /** No temperature, in degrees Fahrenheit, falls below this. */
    public static final BigDecimal MIN_TEMPERATURE = BigDecimal.valueOf(SimulatedSensor.MIN_BASE_TEMPERATURE
            - SimulatedSensor.MAX_TEMPERATURE_AMPLITUDE - SimulatedSensor.MAX_TEMPERATURE_DEVIATION);
    /** No temperature, in degrees Fahrenheit, rises above this. */
    public static final BigDecimal MAX_TEMPERATURE = BigDecimal.valueOf(SimulatedSensor.MAX_BASE_TEMPERATURE
            + SimulatedSensor.MAX_TEMPERATURE_AMPLITUDE + SimulatedSensor.MAX_TEMPERATURE_DEVIATION);

    private final FleetSpec spec;
    private final SimulatedSensor[] sensors;
    private long tick;
    private int next;

    public Fleet(FleetSpec spec) {
        this.spec = spec;
        sensors = new SimulatedSensor[spec.sensors()];
        for (int i = 0; i < sensors.length; i++) {
            sensors[i] = new SimulatedSensor(spec.sensorId(i + 1), spec.seed(), i + 1);
        }
    }

    public FleetSpec spec() {
        return spec;
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public SensorReading next() {
        long time = spec.startTime() + tick * spec.intervalSeconds();
        SensorReading reading = sensors[next].readingAt(time, spec.humidity());
        if (++next == sensors.length) {
            next = 0;
            tick++;
        }
        return reading;
    }
}

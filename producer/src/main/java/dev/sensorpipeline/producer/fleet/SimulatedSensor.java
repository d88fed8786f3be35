package dev.sensorpipeline.producer.fleet;

import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * One sensor's series: a per-sensor base, a daily cycle and a mean-reverting random walk (an Ornstein-Uhlenbeck
 * process), for temperature in degrees Fahrenheit and for relative humidity.
 *
 * <p>The walk is mean-reverting so that a long run stays plausible instead of drifting off like a plain random
 * walk; it is stepped in continuous time, so its spread does not depend on the interval. All arithmetic is
 * {@link StrictMath}, so a seed gives the same digits on every JVM and CPU.
 */
final class SimulatedSensor {

    static final double MIN_BASE_TEMPERATURE = 60.0;
    static final double MAX_BASE_TEMPERATURE = 80.0;
    static final double MAX_TEMPERATURE_AMPLITUDE = 8.0;
    static final double MAX_TEMPERATURE_DEVIATION = 6.0;
    static final double MIN_BASE_HUMIDITY = 35.0;
    static final double MAX_BASE_HUMIDITY = 65.0;
    static final double MAX_HUMIDITY_AMPLITUDE = 15.0;
    static final double MAX_HUMIDITY_DEVIATION = 12.0;

    private static final double MIN_TEMPERATURE_AMPLITUDE = 3.0;
    private static final double TEMPERATURE_SPREAD = 1.5;
    private static final double TEMPERATURE_TIME_CONSTANT = 1800.0;
    private static final double MIN_HUMIDITY_AMPLITUDE = 5.0;
    private static final double HUMIDITY_SPREAD = 4.0;
    private static final double HUMIDITY_TIME_CONSTANT = 3600.0;
    private static final long SECONDS_PER_DAY = 86_400;
    /** Mid-afternoon UTC: the warmest, driest hour of the cycle, give or take an hour per sensor. */
    private static final long PEAK_SECOND_OF_DAY = 15 * 3600;

    private static final long PROFILE_STREAM = 1;
    private static final long TEMPERATURE_STREAM = 2;
    private static final long HUMIDITY_STREAM = 3;

    private final String id;
    private final double baseTemperature;
    private final double temperatureAmplitude;
    private final double baseHumidity;
    private final double humidityAmplitude;
    private final long peakSecondOfDay;
    // Separate streams: turning humidity on must not change a single temperature.
    private final SplittableRandom temperatureRandom;
    private final SplittableRandom humidityRandom;
    private double temperatureDeviation;
    private double humidityDeviation;
    private long lastTime = Long.MIN_VALUE;

    SimulatedSensor(String id, long seed, int number) {
        this.id = id;
        SplittableRandom profile = new SplittableRandom(mix(seed, number, PROFILE_STREAM));
        baseTemperature = between(profile, MIN_BASE_TEMPERATURE, MAX_BASE_TEMPERATURE);
        temperatureAmplitude = between(profile, MIN_TEMPERATURE_AMPLITUDE, MAX_TEMPERATURE_AMPLITUDE);
        baseHumidity = between(profile, MIN_BASE_HUMIDITY, MAX_BASE_HUMIDITY);
        humidityAmplitude = between(profile, MIN_HUMIDITY_AMPLITUDE, MAX_HUMIDITY_AMPLITUDE);
        peakSecondOfDay = PEAK_SECOND_OF_DAY + (long) between(profile, -3600, 3600);
        temperatureRandom = new SplittableRandom(mix(seed, number, TEMPERATURE_STREAM));
        humidityRandom = new SplittableRandom(mix(seed, number, HUMIDITY_STREAM));
        // Start in the walk's steady state rather than at the base, or every run would begin with a calm spell.
        temperatureDeviation = clamp(TEMPERATURE_SPREAD * gaussian(temperatureRandom), MAX_TEMPERATURE_DEVIATION);
        humidityDeviation = clamp(HUMIDITY_SPREAD * gaussian(humidityRandom), MAX_HUMIDITY_DEVIATION);
    }

    /** The reading at {@code time}; times must increase from one call to the next. */
    SensorReading readingAt(long time, boolean withHumidity) {
        if (lastTime != Long.MIN_VALUE) {
            long elapsed = time - lastTime;
            temperatureDeviation = step(temperatureDeviation, elapsed, TEMPERATURE_TIME_CONSTANT, TEMPERATURE_SPREAD,
                    MAX_TEMPERATURE_DEVIATION, temperatureRandom);
            if (withHumidity) {
                humidityDeviation = step(humidityDeviation, elapsed, HUMIDITY_TIME_CONSTANT, HUMIDITY_SPREAD,
                        MAX_HUMIDITY_DEVIATION, humidityRandom);
            }
        }
        lastTime = time;
        double cycle = dailyCycle(time);
        BigDecimal temperature = tenths(baseTemperature + temperatureAmplitude * cycle + temperatureDeviation);
        BigDecimal humidity = null;
        if (withHumidity) {
            // Relative humidity falls as the air warms: its cycle runs opposite to temperature's.
            double value = baseHumidity - humidityAmplitude * cycle + humidityDeviation;
            humidity = tenths(Math.max(0.0, Math.min(100.0, value)));
        }
        return new SensorReading(id, time, temperature, humidity);
    }

    /** +1 at the sensor's warmest second of the day, -1 twelve hours away. */
    private double dailyCycle(long time) {
        long secondOfDay = Math.floorMod(time - peakSecondOfDay, SECONDS_PER_DAY);
        return StrictMath.cos(2 * StrictMath.PI * secondOfDay / SECONDS_PER_DAY);
    }

    private static double step(double deviation, long elapsedSeconds, double timeConstant, double spread,
                               double bound, SplittableRandom random) {
        double decay = StrictMath.exp(-elapsedSeconds / timeConstant);
        double noise = spread * StrictMath.sqrt(1 - decay * decay) * gaussian(random);
        return clamp(deviation * decay + noise, bound);
    }

    /** Box-Muller on our own draws: {@code nextGaussian}'s algorithm is the JDK's to change. */
    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    private static double between(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    private static double clamp(double value, double bound) {
        return Math.max(-bound, Math.min(bound, value));
    }

    private static BigDecimal tenths(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_EVEN);
    }

    /** SplitMix64's finaliser over the three inputs: neighbouring sensors and seeds get unrelated streams. */
    static long mix(long seed, long number, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + number * 0xC2B2AE3D27D4EB4FL + stream * 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

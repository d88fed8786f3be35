package dev.sensorpipeline.producer.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of any fleet, checked over fleets drawn at random from a fixed seed, so a failure reproduces. */
class FleetPropertiesTest {

    static Stream<Arguments> fleets() {
        SplittableRandom random = new SplittableRandom(20251129);
        Stream<Arguments> edges = Stream.of(
                Arguments.of(Long.MIN_VALUE, 1, 1L, 0L),
                Arguments.of(Long.MAX_VALUE, 40, 86_400L, 4_000_000_000L),
                Arguments.of(0L, 7, 59L, 1_764_374_400L));
        Stream<Arguments> drawn = Stream.generate(() -> Arguments.of(random.nextLong(), random.nextInt(1, 41),
                random.nextLong(1, 86_401), random.nextLong(0, 4_000_000_001L))).limit(150);
        return Stream.concat(edges, drawn);
    }

    @ParameterizedTest(name = "seed {0}, {1} sensors every {2} s from {3}")
    @MethodSource("fleets")
    void temperatureAndHumidity_stayInTheirRanges(long seed, int sensors, long interval, long startTime) {
        // given
        Fleet fleet = new Fleet(new FleetSpec(sensors, "sensor-", interval, true, seed, startTime));

        // when
        for (int i = 0; i < 400; i++) {
            SensorReading reading = fleet.next();

            // then
            assertThat(reading.temperature()).isBetween(Fleet.MIN_TEMPERATURE, Fleet.MAX_TEMPERATURE);
            assertThat(reading.humidity()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
        }
    }

    @ParameterizedTest(name = "seed {0}, {1} sensors every {2} s from {3}")
    @MethodSource("fleets")
    void readings_areTheSame_forTheSameSpec(long seed, int sensors, long interval, long startTime) {
        // given
        FleetSpec spec = new FleetSpec(sensors, "s", interval, true, seed, startTime);

        // when
        var first = FleetTest.take(new Fleet(spec), 200);
        var second = FleetTest.take(new Fleet(spec), 200);

        // then
        assertThat(second).isEqualTo(first);
    }
}

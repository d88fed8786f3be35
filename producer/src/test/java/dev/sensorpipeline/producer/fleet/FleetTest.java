package dev.sensorpipeline.producer.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FleetTest {

    /** 2025-11-29T00:00:00Z. */
    private static final long MIDNIGHT = 1_764_374_400L;

    @Test
    void readings_areTheSame_whenTheSpecIsTheSame() {
        // given
        FleetSpec spec = new FleetSpec(13, "sensor-", 1, true, 7, MIDNIGHT);

        // when
        List<SensorReading> first = take(new Fleet(spec), 5000);
        List<SensorReading> second = take(new Fleet(spec), 5000);

        // then
        assertThat(second).isEqualTo(first);
    }

    @Test
    void readings_differ_whenTheSeedDiffers() {
        // given
        FleetSpec seven = new FleetSpec(13, "sensor-", 1, false, 7, MIDNIGHT);
        FleetSpec eight = new FleetSpec(13, "sensor-", 1, false, 8, MIDNIGHT);

        // when
        List<BigDecimal> withSeven = temperatures(take(new Fleet(seven), 130));
        List<BigDecimal> withEight = temperatures(take(new Fleet(eight), 130));

        // then
        assertThat(withEight).isNotEqualTo(withSeven);
    }

    @Test
    void readings_goTickByTick_everySensorOncePerInterval_sensorOneFirst() {
        // given
        Fleet fleet = new Fleet(new FleetSpec(3, "probe-", 60, false, 1, MIDNIGHT));

        // when
        List<SensorReading> readings = take(fleet, 7);

        // then
        assertThat(readings).extracting(SensorReading::sensorId)
                .containsExactly("probe-1", "probe-2", "probe-3", "probe-1", "probe-2", "probe-3", "probe-1");
        assertThat(readings).extracting(SensorReading::currentTime)
                .containsExactly(MIDNIGHT, MIDNIGHT, MIDNIGHT, MIDNIGHT + 60, MIDNIGHT + 60, MIDNIGHT + 60,
                        MIDNIGHT + 120);
    }

    @Test
    void humidity_isAbsent_whenNotAskedFor() {
        // given
        Fleet fleet = new Fleet(new FleetSpec(5, "sensor-", 1, false, 3, MIDNIGHT));

        // when
        List<SensorReading> readings = take(fleet, 50);

        // then
        assertThat(readings).allSatisfy(reading -> assertThat(reading.humidity()).isNull());
    }

    @Test
    void temperatures_areTheSame_withOrWithoutHumidity() {
        // given
        FleetSpec without = new FleetSpec(5, "sensor-", 1, false, 3, MIDNIGHT);
        FleetSpec with = new FleetSpec(5, "sensor-", 1, true, 3, MIDNIGHT);

        // when
        List<BigDecimal> plain = temperatures(take(new Fleet(without), 500));
        List<BigDecimal> humid = temperatures(take(new Fleet(with), 500));

        // then
        assertThat(humid).isEqualTo(plain);
    }

    @Test
    void aSensorsSeries_doesNotDependOnTheFleetsSize() {
        // given
        Fleet small = new Fleet(new FleetSpec(5, "sensor-", 1, true, 11, MIDNIGHT));
        Fleet large = new Fleet(new FleetSpec(50, "sensor-", 1, true, 11, MIDNIGHT));

        // when
        List<SensorReading> fromSmall = sensor("sensor-3", take(small, 5 * 100));
        List<SensorReading> fromLarge = sensor("sensor-3", take(large, 50 * 100));

        // then
        assertThat(fromLarge).hasSize(100).isEqualTo(fromSmall);
    }

    @Test
    void temperature_isWarmerInTheAfternoonThanBeforeDawn_acrossTheFleet() {
        // given: one reading an hour for a day, from midnight UTC; the cycle peaks at 15:00 UTC, give or take an hour
        Fleet fleet = new Fleet(new FleetSpec(40, "sensor-", 3600, false, 5, MIDNIGHT));

        // when
        List<SensorReading> day = take(fleet, 40 * 24);

        // then
        assertThat(meanTemperatureAt(day, 15)).isGreaterThan(meanTemperatureAt(day, 3) + 4.0);
    }

    @Test
    void temperature_changesLittle_betweenReadingsASecondApart() {
        // given
        Fleet fleet = new Fleet(new FleetSpec(4, "sensor-", 1, false, 9, MIDNIGHT));

        // when
        List<SensorReading> readings = sensor("sensor-2", take(fleet, 4 * 3600));

        // then: a plausible sensor drifts, it does not jump
        for (int i = 1; i < readings.size(); i++) {
            BigDecimal step = readings.get(i).temperature().subtract(readings.get(i - 1).temperature()).abs();
            assertThat(step).as("step %d", i).isLessThanOrEqualTo(new BigDecimal("0.5"));
        }
    }

    @Test
    void values_haveOneDecimalPlace_asAThermometerWouldShow() {
        // given
        Fleet fleet = new Fleet(new FleetSpec(6, "sensor-", 10, true, 21, MIDNIGHT));

        // when
        List<SensorReading> readings = take(fleet, 600);

        // then
        assertThat(readings).allSatisfy(reading -> {
            assertThat(reading.temperature().scale()).isEqualTo(1);
            assertThat(reading.humidity().scale()).isEqualTo(1);
        });
    }

    private static double meanTemperatureAt(List<SensorReading> readings, int hourOfDay) {
        return readings.stream()
                .filter(reading -> (reading.currentTime() - MIDNIGHT) / 3600 == hourOfDay)
                .mapToDouble(reading -> reading.temperature().doubleValue())
                .average()
                .orElseThrow();
    }

    static List<SensorReading> take(Fleet fleet, int count) {
        List<SensorReading> readings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            readings.add(fleet.next());
        }
        return readings;
    }

    private static List<SensorReading> sensor(String id, List<SensorReading> readings) {
        return readings.stream().filter(reading -> reading.sensorId().equals(id)).collect(Collectors.toList());
    }

    private static List<BigDecimal> temperatures(List<SensorReading> readings) {
        return readings.stream().map(SensorReading::temperature).collect(Collectors.toList());
    }
}

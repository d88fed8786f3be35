package dev.sensorpipeline.readings.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void hourBuckets_startAtEpochAlignedUtcBoundaries() {
        // given readings either side of 1764403200 (2025-11-29T08:00:00Z)
        List<SensorReading> readings = List.of(reading(1764403199, "1.0"), reading(1764403200, "2.0"));

        // when
        List<BucketStats> rows = Statistics.of("s", readings, Bucket.parse("1h"), 0);

        // then
        assertThat(rows).extracting(BucketStats::bucketStart).containsExactly(1764399600L, 1764403200L);
    }

    @Test
    void mean_isExact_andRoundedHalfEvenToScalePlusTwo() {
        // given 0.1 + 0.2 + 0.2 over 3 = 0.1666..., and 0.1 0.2 0.4 0.4 ... a tie
        List<SensorReading> readings = List.of(reading(1, "0.1"), reading(2, "0.2"), reading(3, "0.2"));

        // when
        BucketStats row = Statistics.of("s", readings, Optional.empty(), 1).get(0);

        // then
        assertThat(row.temperature().mean()).isEqualTo(new BigDecimal("0.167"));
        assertThat(row.temperature().min()).isEqualTo(new BigDecimal("0.1"));
        assertThat(row.temperature().max()).isEqualTo(new BigDecimal("0.2"));
        assertThat(row.count()).isEqualTo(3);
        assertThat(row.humidity()).isNull();
    }

    @Test
    void mean_tiesRoundToEven() {
        // given a mean of exactly 0.0125 at scale 1 + 2 = 3 digits: half-even gives 0.012
        List<SensorReading> readings = List.of(reading(1, "0.0"), reading(2, "0.0"), reading(3, "0.0"),
                reading(4, "0.1"), reading(5, "0.0"), reading(6, "0.0"), reading(7, "0.0"), reading(8, "0.0"));

        // when
        BucketStats row = Statistics.of("s", readings, Optional.empty(), 1).get(0);

        // then
        assertThat(row.temperature().mean()).isEqualTo(new BigDecimal("0.012"));
    }

    private static SensorReading reading(long time, String temperature) {
        return SensorReading.of("s", time, new BigDecimal(temperature));
    }
}

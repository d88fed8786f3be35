package dev.sensorpipeline.readings.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketChoiceTest {

    private static final long START = 1_764_400_013L;

    @Test
    void upTo2000ReadingsASeries_needNoBucket() {
        // given two series of exactly 2,000 readings, one second apart
        List<List<SensorReading>> series = List.of(readings(2_000, 1), readings(2_000, 1));

        // when / then
        assertThat(BucketChoice.forSeries(series)).isEmpty();
    }

    @ParameterizedTest(name = "{0} readings {1} s apart: {2}")
    @CsvSource({
        "2001,    1,     1m",
        "30000,   5,     5m",
        "30000,  30,     1h",
        "40000,  60,     1h",
        "3000,   3600,   1d",
        "87600,  3600,   2d",
        "4001,   86400,  3d",
        "20000,  86400,  11d"})
    void tooManyReadings_getTheNarrowestBucketThatLeavesAtMost2000Points(int count, long step, String expected) {
        // given one series too long to draw reading by reading
        List<List<SensorReading>> series = List.of(readings(count, step));

        // when
        Optional<Bucket> chosen = BucketChoice.forSeries(series);

        // then
        assertThat(chosen).map(Bucket::name).contains(expected);
        assertThat(points(series.get(0), chosen.orElseThrow())).isLessThanOrEqualTo(BucketChoice.MAX_POINTS);
        assertThat(points(series.get(0), narrower(chosen.orElseThrow()))).isGreaterThan(BucketChoice.MAX_POINTS);
    }

    @Test
    void theLongestSeries_decides_whileTheOthersAreShort() {
        // given one long series (2 days, a reading each 10 s) and one short
        List<List<SensorReading>> series = List.of(readings(10, 60), readings(17_280, 10));

        // when
        Optional<Bucket> chosen = BucketChoice.forSeries(series);

        // then 1m would give 2,880 points, 5m gives 576
        assertThat(chosen).map(Bucket::name).contains("5m");
    }

    /** The next narrower width a chart may take: 1m, 5m, 1h, 1d, 2d, 3d... (1 s before 1m). */
    private static Bucket narrower(Bucket bucket) {
        int index = Bucket.CHOICES.indexOf(bucket);
        if (index == 0) {
            return new Bucket("1s", 1);
        }
        return index > 0 ? Bucket.CHOICES.get(index - 1) : Bucket.ofDays(bucket.seconds() / 86_400 - 1);
    }

    /** How many points the series has in buckets of {@code bucket}: its distinct bucket starts. */
    private static int points(List<SensorReading> readings, Bucket bucket) {
        Set<Long> starts = new HashSet<>();
        readings.forEach(r -> starts.add(Math.floorDiv(r.currentTime(), bucket.seconds()) * bucket.seconds()));
        return starts.size();
    }

    private static List<SensorReading> readings(int count, long step) {
        List<SensorReading> readings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            readings.add(SensorReading.of("s", START + i * step, BigDecimal.ONE));
        }
        return readings;
    }
}

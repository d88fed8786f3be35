package dev.sensorpipeline.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalInt;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CostModelTest {

    /** Round prices, so that every expected figure can be worked out by hand. */
    private static final Prices PRICES = new Prices("2025-06-01", "us-east-1", 0.015, 0.014, 0.20, 0.00001, 1.0,
            0.25, 0.50, 0.30, 0.10);
    private static final double MONTH_SECONDS = 730 * 3600;

    private final CostModel model = new CostModel(PRICES, 150, 10);

    private static Workload plain(double readingsPerSecond) {
        return new Workload(readingsPerSecond, 100, false, false, OptionalInt.empty(), 12);
    }

    private static Workload aggregated(double readingsPerSecond) {
        return new Workload(readingsPerSecond, 100, true, false, OptionalInt.empty(), 12);
    }

    private double usd(Workload workload, String item) {
        return model.estimate(workload, Design.OURS).line(item).usd();
    }

    @Test
    void estimate_takesAShardPer1000Records_whenEachReadingIsARecord() {
        // when: 5,000 records of 81 bytes a second are 0.4 MiB: the record limit counts
        Estimate.Line shards = model.estimate(plain(5_000), Design.OURS).line(CostModel.SHARD_HOURS);

        // then
        assertThat(shards.quantity()).startsWith("5 shards (5 at 1,000 records/s, 1 at 1 MiB/s");
        assertThat(shards.usd()).isCloseTo(5 * 730 * 0.015, within(1e-9));
    }

    @Test
    void estimate_takesAShardPerMiBASecond_whenAggregated() {
        // when: 50,000 readings in aggregates of 307 are 163 records a second, but 83 bytes each, 3.9 MiB a second
        Estimate.Line shards = model.estimate(aggregated(50_000), Design.OURS).line(CostModel.SHARD_HOURS);

        // then
        assertThat(shards.quantity()).startsWith("4 shards (1 at 1,000 records/s, 4 at 1 MiB/s");
        assertThat(shards.usd()).isCloseTo(4 * 730 * 0.015, within(1e-9));
    }

    @Test
    void estimate_keepsTheDeployedTwoShards_andTheBooksOne_whenLittleIsSent() {
        assertThat(model.estimate(plain(10), Design.OURS).line(CostModel.SHARD_HOURS).usd())
                .isCloseTo(2 * 730 * 0.015, within(1e-9));
        assertThat(model.estimate(plain(10), Design.BOOK).line(CostModel.SHARD_HOURS).usd())
                .isCloseTo(730 * 0.015, within(1e-9));
    }

    @Test
    void estimate_chargesAPutPayloadUnitARecord_andFillsAggregatesUpToOne() {
        // given 1,000 readings a second on 2 shards: plain, 1,000 records; aggregated, 500 a shard, 307 to a record
        double plainUnits = 1_000 * MONTH_SECONDS;
        double aggregatedUnits = 1_000 / 307.0 * MONTH_SECONDS;

        // then
        assertThat(usd(plain(1_000), CostModel.PUT_UNITS)).isCloseTo(plainUnits / 1e6 * 0.014, within(1e-6));
        assertThat(usd(aggregated(1_000), CostModel.PUT_UNITS)).isCloseTo(aggregatedUnits / 1e6 * 0.014,
                within(1e-6));
    }

    @Test
    void estimate_invokesOnceABatchOf100_andBillsTheMeasuredDurationForItsReadings() {
        // given 1,000 records a second on 2 shards: 5 full batches a shard a second, 150 ms each
        double invocations = 10 * MONTH_SECONDS;

        // then
        assertThat(usd(plain(1_000), CostModel.INVOCATIONS)).isCloseTo(invocations / 1e6 * 0.20, within(1e-6));
        assertThat(usd(plain(1_000), CostModel.GB_SECONDS)).isCloseTo(invocations * 0.150 * 0.00001,
                within(1e-6));
    }

    @Test
    void estimate_invokesOnceASecondAShard_whenFewerThan100RecordsCome() {
        // given 20 records a second on 2 shards: one invocation a shard a second, 10 readings, 15 ms
        double invocations = 2 * MONTH_SECONDS;

        // then
        assertThat(usd(plain(20), CostModel.INVOCATIONS)).isCloseTo(invocations / 1e6 * 0.20, within(1e-6));
        assertThat(usd(plain(20), CostModel.GB_SECONDS)).isCloseTo(invocations * 0.015 * 0.00001, within(1e-6));
    }

    @Test
    void estimate_chargesTwoWriteUnitsAReading_forTheTableAndTemperatureIndex() {
        assertThat(usd(plain(1), CostModel.WRITE_UNITS)).isCloseTo(2 * MONTH_SECONDS / 1e6 * 1.0, within(1e-9));
    }

    @Test
    void estimate_boundsStorage_withTtl_whileWithoutItStorageGrowsEveryMonth() {
        // given
        Workload ttlYearOne = new Workload(100, 100, false, false, OptionalInt.of(30), 12);
        Workload ttlYearTwo = new Workload(100, 100, false, false, OptionalInt.of(30), 24);
        Workload noTtlYearTwo = new Workload(100, 100, false, false, OptionalInt.empty(), 24);

        // when
        double withTtl = usd(ttlYearOne, CostModel.STORAGE);

        // then: 32 days of readings (30, and 2 of deletion lag), 2 x (64 + 100) bytes each with the index
        assertThat(withTtl).isCloseTo(100.0 * 32 * 86_400 * 328 / Math.pow(1024, 3) * 0.25, within(1e-9));
        assertThat(usd(ttlYearTwo, CostModel.STORAGE)).isEqualTo(withTtl);
        assertThat(usd(noTtlYearTwo, CostModel.STORAGE)).isCloseTo(2 * usd(plain(100), CostModel.STORAGE),
                within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(doubles = {100, 1_000, 10_000})
    void estimate_totalIsLower_whenAggregated(double readingsPerSecond) {
        assertThat(model.estimate(aggregated(readingsPerSecond), Design.OURS).total())
                .isLessThan(model.estimate(plain(readingsPerSecond), Design.OURS).total());
    }

    @Test
    void estimate_totalGrowsWithTheReadingRate() {
        assertThat(model.estimate(plain(100), Design.OURS).total())
                .isLessThan(model.estimate(plain(1_000), Design.OURS).total());
        assertThat(model.estimate(plain(1_000), Design.OURS).total())
                .isLessThan(model.estimate(plain(10_000), Design.OURS).total());
        assertThat(model.estimate(aggregated(1_000), Design.OURS).total())
                .isLessThan(model.estimate(aggregated(10_000), Design.OURS).total());
    }

    @Test
    void estimate_ofTheBook_paysAPutItemRoundTripAReading_andSaysItFallsBehind() {
        // when: 1,000 records a second on its 1 shard: 10 batches a second, 100 PutItems of 10 ms each in turn
        Estimate book = model.estimate(plain(1_000), Design.BOOK);

        // then
        assertThat(book.line(CostModel.GB_SECONDS).usd()).isCloseTo(10 * MONTH_SECONDS * 1.0 * 0.00001,
                within(1e-6));
        assertThat(book.notes()).anyMatch(note -> note.contains("falls behind"));
    }

    @Test
    void itemCollection_isFullAfterTheDaysItsRateTakesToFill10Gb_andNeverWithAShortTtl() {
        // given 100 sensors at a reading a second each: 86,400 x 2 x (49 + 100) bytes a day
        double days = 10 * Math.pow(1024, 3) / (86_400 * 298.0);

        // then
        assertThat(model.estimate(new Workload(100, 100, false, false, OptionalInt.empty(), 12), Design.OURS).notes())
                .anyMatch(note -> note.contains(String.format(Locale.ROOT, "full (10 GB) after %,.0f days",
                        days)));
        assertThat(model.estimate(new Workload(100, 100, false, false, OptionalInt.of(365), 12), Design.OURS).notes())
                .anyMatch(note -> note.contains("never full"));
    }

    @Test
    void workload_refusesANonPositiveRate() {
        assertThatThrownBy(() -> plain(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 0");
    }
}

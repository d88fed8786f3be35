package dev.sensorpipeline.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

    private static final Thresholds DEFAULTS =
            new Thresholds(new BigDecimal("100"), new BigDecimal("-40"), new BigDecimal("15"), 300);
    private static final long T = 1_764_400_000L;

    private static SensorReading reading(long time, String temperature) {
        return SensorReading.of("sensor-1", time, new BigDecimal(temperature));
    }

    private static List<Rule> rules(SensorReading reading, SensorHistory history) {
        return RuleEvaluator.evaluate(reading, history, DEFAULTS).stream().map(Alert::rule).toList();
    }

    @Test
    void highTemperature_isRaised_onlyAboveTheThreshold() {
        // given a reading exactly at, and one just above, the high threshold
        SensorHistory empty = new SensorHistory();

        // when / then
        assertThat(rules(reading(T, "100"), empty)).isEmpty();
        assertThat(rules(reading(T, "100.0"), empty)).isEmpty();
        assertThat(rules(reading(T, "100.01"), empty)).containsExactly(Rule.HIGH_TEMPERATURE);
    }

    @Test
    void lowTemperature_isRaised_onlyBelowTheThreshold() {
        // given a reading exactly at, and one just below, the low threshold
        SensorHistory empty = new SensorHistory();

        // when / then
        assertThat(rules(reading(T, "-40"), empty)).isEmpty();
        assertThat(rules(reading(T, "-40.01"), empty)).containsExactly(Rule.LOW_TEMPERATURE);
    }

    @Test
    void risingFast_isRaised_onlyWhenTheRiseIsMoreThanTheDegrees() {
        // given a lowest reading of 20 in the window
        SensorHistory history = new SensorHistory().addStored(new Sample(T - 60, new BigDecimal("20")));

        // when / then: a rise of exactly 15 is not more than 15
        assertThat(rules(reading(T, "35"), history)).isEmpty();
        assertThat(rules(reading(T, "35.1"), history)).containsExactly(Rule.RISING_FAST);
    }

    @Test
    void risingFast_includesTheWindowsFirstSecond() {
        // given the low reading exactly W seconds before the reading
        SensorHistory history = new SensorHistory().addStored(new Sample(T - 300, new BigDecimal("20")));

        // when
        List<Alert> alerts = RuleEvaluator.evaluate(reading(T, "40"), history, DEFAULTS);

        // then
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.rule()).isEqualTo(Rule.RISING_FAST);
            assertThat(alert.threshold()).isEqualByComparingTo("15");
            assertThat(alert.windowLowest()).contains(new Sample(T - 300, new BigDecimal("20")));
        });
    }

    @Test
    void risingFast_ignoresReadingsBeforeTheWindow() {
        // given the low reading one second before the window starts
        SensorHistory history = new SensorHistory().addStored(new Sample(T - 301, new BigDecimal("20")));

        // when / then
        assertThat(rules(reading(T, "40"), history)).isEmpty();
    }

    @Test
    void risingFast_ignoresTheReadingItselfAndLaterOnes() {
        // given a low reading at the same time (the reading itself) and one after it
        SensorHistory history = new SensorHistory()
                .addStored(new Sample(T, new BigDecimal("40")))
                .addStored(new Sample(T + 1, new BigDecimal("0")));

        // when / then
        assertThat(rules(reading(T, "40"), history)).isEmpty();
    }

    @Test
    void risingFast_measuresFromTheLowestInTheWindow() {
        // given several readings in the window
        SensorHistory history = new SensorHistory()
                .addStored(new Sample(T - 200, new BigDecimal("30")))
                .addStored(new Sample(T - 100, new BigDecimal("10")))
                .addStored(new Sample(T - 10, new BigDecimal("28")));

        // when
        List<Alert> alerts = RuleEvaluator.evaluate(reading(T, "26"), history, DEFAULTS);

        // then
        assertThat(alerts).singleElement()
                .satisfies(alert -> assertThat(alert.windowLowest()).contains(new Sample(T - 100,
                        new BigDecimal("10"))));
    }

    @Test
    void aReading_mayBreakTwoRules() {
        // given a reading above the high threshold that also rose fast
        SensorHistory history = new SensorHistory().addStored(new Sample(T - 5, new BigDecimal("80")));

        // when / then
        assertThat(rules(reading(T, "101"), history)).containsExactly(Rule.HIGH_TEMPERATURE, Rule.RISING_FAST);
    }

    @Test
    void overrides_replaceOnlyTheValuesTheySet() {
        // given an override of the high threshold and the window only
        RuleOverride override = new RuleOverride(java.util.Optional.of(new BigDecimal("50")),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.of(60L));

        // when
        Thresholds thresholds = DEFAULTS.with(override);

        // then
        assertThat(thresholds).isEqualTo(new Thresholds(new BigDecimal("50"), new BigDecimal("-40"),
                new BigDecimal("15"), 60));
        assertThat(DEFAULTS.with(RuleOverride.NONE)).isEqualTo(DEFAULTS);
    }

    @Test
    void alertKey_isTheTimeZeroPaddedTo20Digits_andTheRule() {
        // given
        Alert alert = new Alert(reading(T, "101"), Rule.HIGH_TEMPERATURE, new BigDecimal("100"),
                java.util.Optional.empty());

        // when / then
        assertThat(alert.alertKey()).isEqualTo("00000000001764400000#high-temperature");
    }
}

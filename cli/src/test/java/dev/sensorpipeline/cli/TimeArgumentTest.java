package dev.sensorpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeArgumentTest {

    /** 2025-11-29T07:06:40Z. */
    private static final long T = 1_764_400_000L;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1764400000", "2025-11-29T07:06:40Z", "2025-11-29T07:06:40z", "2025-11-29T08:06:40+01:00",
        "2025-11-29T02:06:40-05:00", "2025-11-29T07:06:40", " 1764400000 "})
    void sameInstant_inEachForm_isTheSameSecond(String text) {
        // given one instant written in each form the command takes; when / then
        assertThat(TimeArgument.atOrAfter(text)).isEqualTo(T);
        assertThat(TimeArgument.atOrBefore(text)).isEqualTo(T);
    }

    @Test
    void aDate_isItsMidnightInUtc() {
        // given / when / then
        assertThat(TimeArgument.atOrAfter("2025-11-29")).isEqualTo(1_764_374_400L);
    }

    @Test
    void aFractionOfASecond_roundsALowerBoundUp_andAnUpperBoundDown() {
        // given an instant half a second after T; when / then: the range holds exactly the whole seconds after it
        assertThat(TimeArgument.atOrAfter("2025-11-29T07:06:40.5Z")).isEqualTo(T + 1);
        assertThat(TimeArgument.atOrBefore("2025-11-29T07:06:40.5Z")).isEqualTo(T);
    }

    @Test
    void zero_isTheEpoch() {
        // given / when / then
        assertThat(TimeArgument.atOrAfter("0")).isZero();
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"yesterday", "2025-13-01", "2025-11-29T25:00:00Z", "-5", "1764400000.5",
        "29/11/2025", "", "2025-11-29T07:06:40+25:00"})
    void badInput_isRefused_withAMessageNamingTheFormsItTakes(String text) {
        // given text that is no time; when / then
        assertThatThrownBy(() -> TimeArgument.atOrAfter(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "' is not a time")
                .hasMessageContaining("Unix seconds")
                .hasMessageContaining("ISO-8601");
    }
}

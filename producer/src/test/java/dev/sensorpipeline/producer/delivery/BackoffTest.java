package dev.sensorpipeline.producer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5));

    @Test
    void ceiling_doublesFromTheBase_untilTheCap() {
        // when, then
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(50));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.ceiling(7)).isEqualTo(Duration.ofMillis(3200));
        assertThat(backoff.ceiling(8)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void ceiling_staysAtTheCap_forAnyNumberOfRetries() {
        // when
        Duration ceiling = backoff.ceiling(Integer.MAX_VALUE);

        // then
        assertThat(ceiling).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void delay_spreadsOverTheWholeWindow_fromZeroToTheCeiling() {
        // when, then: full jitter, not a fixed wait plus a little noise
        assertThat(backoff.delay(3, 0.0)).isEqualTo(Duration.ZERO);
        assertThat(backoff.delay(3, 0.5)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delay(3, Math.nextDown(1.0))).isLessThan(Duration.ofMillis(200))
                .isGreaterThan(Duration.ofMillis(199));
    }

    @Test
    void delay_refusesAJitterOutsideZeroToOne() {
        assertThatThrownBy(() -> backoff.delay(1, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}

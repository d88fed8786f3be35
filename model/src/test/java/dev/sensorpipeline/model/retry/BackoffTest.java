package dev.sensorpipeline.model.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void ceiling_isNothing_beforeTheFirstAttempt() {
        // when, then: the local runner's Lambda-like retries start from 0 retries
        assertThat(backoff.ceiling(0)).isZero();
        assertThatThrownBy(() -> backoff.ceiling(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} ms to {1} ms: attempt {2} waits up to {3} ms")
    @CsvSource({
            // the function's write backoff
            "25, 2000, 1, 25", "25, 2000, 2, 50", "25, 2000, 7, 1600", "25, 2000, 8, 2000", "25, 2000, 1000, 2000",
            // the local runner's retry of a batch, as Lambda's
            "250, 5000, 0, 0", "250, 5000, 1, 250", "250, 5000, 2, 500", "250, 5000, 5, 4000", "250, 5000, 6, 5000",
            "250, 5000, 1000, 5000"})
    void ceiling_doublesFromTheBase_andStopsAtTheCap(long baseMillis, long capMillis, int attempt, long expected) {
        // given
        Backoff backoff = new Backoff(Duration.ofMillis(baseMillis), Duration.ofMillis(capMillis));

        // when, then
        assertThat(backoff.ceiling(attempt)).isEqualTo(Duration.ofMillis(expected));
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

    @Test
    void delayBefore_drawsUniformlyBelowTheCeiling() {
        // given
        Backoff lowest = new Backoff(Duration.ofMillis(25), Duration.ofSeconds(2), () -> 0.0);
        Backoff middle = new Backoff(Duration.ofMillis(25), Duration.ofSeconds(2), () -> 0.5);

        // when, then
        assertThat(lowest.delayBefore(3)).isZero();
        assertThat(middle.delayBefore(3)).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void delayBefore_neverWaitsTheCap_withItsOwnRandomSource() {
        // given
        Backoff writes = new Backoff(Duration.ofMillis(25), Duration.ofSeconds(2));

        // when, then
        for (int retry = 1; retry < 100; retry++) {
            assertThat(writes.delayBefore(retry)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void constructor_refusesACapBelowTheBase() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base <= cap");
    }
}

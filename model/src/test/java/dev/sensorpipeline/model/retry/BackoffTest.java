package dev.sensorpipeline.model.retry;

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
    void ceiling_isNothing_beforeTheFirstAttempt() {
        // when, then: the local runner's Lambda-like retries start from 0 retries
        assertThat(backoff.ceiling(0)).isZero();
        assertThatThrownBy(() -> backoff.ceiling(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ceiling_doublesFromTheFunctionsBase_andStopsAtItsCap() {
        // given: the function's write backoff
        Backoff writes = new Backoff(Duration.ofMillis(25), Duration.ofSeconds(2));

        // when, then
        assertThat(writes.ceiling(1)).isEqualTo(Duration.ofMillis(25));
        assertThat(writes.ceiling(2)).isEqualTo(Duration.ofMillis(50));
        assertThat(writes.ceiling(7)).isEqualTo(Duration.ofMillis(1600));
        assertThat(writes.ceiling(8)).isEqualTo(Duration.ofSeconds(2));
        assertThat(writes.ceiling(1000)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void ceiling_doublesFromTheRunnersFirstWait_upToItsMaximum() {
        // given: the local runner's retry of a batch, as Lambda's
        Backoff batches = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

        // when, then
        assertThat(batches.ceiling(0)).isZero();
        assertThat(batches.ceiling(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(batches.ceiling(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(batches.ceiling(5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(batches.ceiling(6)).isEqualTo(Duration.ofSeconds(5));
        assertThat(batches.ceiling(1_000)).isEqualTo(Duration.ofSeconds(5));
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

package dev.sensorpipeline.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void ceiling_doublesFromTheBase_andStopsAtTheCap() {
        // given
        Backoff backoff = new Backoff(Duration.ofMillis(25), Duration.ofSeconds(2), () -> 0.5);

        // when / then
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(25));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(50));
        assertThat(backoff.ceiling(7)).isEqualTo(Duration.ofMillis(1600));
        assertThat(backoff.ceiling(8)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(1000)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void delayBefore_drawsUniformlyBelowTheCeiling() {
        // given
        Backoff lowest = new Backoff(Duration.ofMillis(25), Duration.ofSeconds(2), () -> 0.0);
        Backoff middle = new Backoff(Duration.ofMillis(25), Duration.ofSeconds(2), () -> 0.5);

        // when / then
        assertThat(lowest.delayBefore(3)).isZero();
        assertThat(middle.delayBefore(3)).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void standard_neverWaitsLongerThanTwoSeconds() {
        Backoff backoff = Backoff.standard();
        for (int retry = 1; retry < 100; retry++) {
            assertThat(backoff.delayBefore(retry)).isLessThan(Duration.ofSeconds(2));
        }
    }
}

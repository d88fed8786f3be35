package dev.sensorpipeline.local.runner.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    @Test
    void before_doublesFromTheFirstWait_upToTheMaximum() {
        // given
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(250), Duration.ofSeconds(5));

        // then
        assertThat(backoff.before(0)).isZero();
        assertThat(backoff.before(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.before(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.before(5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.before(6)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.before(1_000)).isEqualTo(Duration.ofSeconds(5));
    }
}

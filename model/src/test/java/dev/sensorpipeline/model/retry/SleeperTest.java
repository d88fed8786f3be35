package dev.sensorpipeline.model.retry;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SleeperTest {

    @Test
    void system_returns_whenTheWaitIsZeroOrNegative() {
        // when, then: Thread.sleep itself refuses a negative time
        assertThatCode(() -> Sleeper.SYSTEM.sleep(Duration.ofMillis(-5))).doesNotThrowAnyException();
        assertThatCode(() -> Sleeper.SYSTEM.sleep(Duration.ZERO)).doesNotThrowAnyException();
    }
}

package dev.sensorpipeline.producer.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FleetSpecTest {

    @Test
    void readingsIn_coversEveryTickOfTheSpan_forEverySensor() {
        // given: ticks at 0, 2, 4, 6, 8 cover ten seconds
        FleetSpec spec = new FleetSpec(3, "sensor-", 2, false, 1, 0);

        // when
        long readings = spec.readingsIn(10);

        // then
        assertThat(readings).isEqualTo(15);
    }

    @Test
    void readingsIn_roundsAPartialIntervalUp() {
        // given
        FleetSpec spec = new FleetSpec(4, "sensor-", 60, false, 1, 0);

        // when
        long readings = spec.readingsIn(90);

        // then
        assertThat(readings).isEqualTo(8);
    }

    @Test
    void aFleetWithoutSensors_isRefused() {
        assertThatThrownBy(() -> new FleetSpec(0, "sensor-", 1, false, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one sensor");
    }
}

package dev.sensorpipeline.alerts.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sensorpipeline.alerts.rules.RuleOverride;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CachedRuleOverridesTest {

    /** A clock moved by hand. */
    static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Counts reads; answers a high threshold of the current value. */
    static final class CountingSource implements RuleOverrides {
        final List<String> reads = new ArrayList<>();
        BigDecimal high = new BigDecimal("50");
        boolean failing;

        @Override
        public RuleOverride forSensor(String sensorId) {
            reads.add(sensorId);
            if (failing) {
                throw new IllegalStateException("SensorAlertRules unreachable");
            }
            return new RuleOverride(Optional.of(high), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private final HandClock clock = new HandClock();
    private final CountingSource source = new CountingSource();
    private final CachedRuleOverrides cache = new CachedRuleOverrides(source, Duration.ofSeconds(60), clock);

    @Test
    void forSensor_readsOncePerSensor_withinTheTtl() {
        // given a first read
        cache.forSensor("sensor-1");

        // when
        clock.advance(Duration.ofSeconds(59));
        RuleOverride again = cache.forSensor("sensor-1");

        // then
        assertThat(source.reads).containsExactly("sensor-1");
        assertThat(again.high()).contains(new BigDecimal("50"));
    }

    @Test
    void forSensor_readsAgain_onceTheTtlHasPassed() {
        // given a first read, then a change in the table
        cache.forSensor("sensor-1");
        source.high = new BigDecimal("70");

        // when
        clock.advance(Duration.ofSeconds(60));
        RuleOverride after = cache.forSensor("sensor-1");

        // then
        assertThat(source.reads).containsExactly("sensor-1", "sensor-1");
        assertThat(after.high()).contains(new BigDecimal("70"));
    }

    @Test
    void forSensor_keepsEachSensorApart() {
        // given / when
        cache.forSensor("sensor-1");
        cache.forSensor("sensor-2");
        cache.forSensor("sensor-1");

        // then
        assertThat(source.reads).containsExactly("sensor-1", "sensor-2");
    }

    @Test
    void forSensor_withAZeroTtl_readsEveryTime() {
        // given
        CachedRuleOverrides uncached = new CachedRuleOverrides(source, Duration.ZERO, clock);

        // when
        uncached.forSensor("sensor-1");
        uncached.forSensor("sensor-1");

        // then
        assertThat(source.reads).hasSize(2);
    }

    @Test
    void forSensor_doesNotCacheAFailedRead() {
        // given a failing read
        source.failing = true;
        assertThatThrownBy(() -> cache.forSensor("sensor-1")).isInstanceOf(IllegalStateException.class);

        // when the table is back
        source.failing = false;
        RuleOverride override = cache.forSensor("sensor-1");

        // then
        assertThat(override.high()).contains(new BigDecimal("50"));
        assertThat(source.reads).hasSize(2);
    }
}

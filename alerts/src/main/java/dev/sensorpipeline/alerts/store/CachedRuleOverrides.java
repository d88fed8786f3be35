package dev.sensorpipeline.alerts.store;

import dev.sensorpipeline.alerts.rules.RuleOverride;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link RuleOverrides} read through a short cache: a sensor's override (or its having none) is kept for the TTL
 * from when it was read, so a busy shard reads {@code SensorAlertRules} about once a sensor per TTL, and a changed
 * override applies within the TTL. A TTL of zero reads every time. A failed read is not cached.
 */
public final class CachedRuleOverrides implements RuleOverrides {

    private record Entry(RuleOverride override, Instant readAt) {
    }

    private final RuleOverrides source;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public CachedRuleOverrides(RuleOverrides source, Duration ttl, Clock clock) {
        this.source = source;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public RuleOverride forSensor(String sensorId) {
        Instant now = clock.instant();
        Entry entry = entries.get(sensorId);
        if (entry != null && now.isBefore(entry.readAt().plus(ttl))) {
            return entry.override();
        }
        RuleOverride override = source.forSensor(sensorId);
        entries.put(sensorId, new Entry(override, now));
        return override;
    }
}

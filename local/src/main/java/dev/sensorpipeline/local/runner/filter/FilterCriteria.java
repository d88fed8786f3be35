package dev.sensorpipeline.local.runner.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A mapping's {@code FilterCriteria}, as Lambda applies it: a record goes to the function when it matches any of the
 * filters' patterns (OR across filters), every record when there are none; the others are dropped, and count as
 * done.
 */
public final class FilterCriteria {

    /** No filters: every record passes. */
    public static final FilterCriteria NONE = new FilterCriteria(List.of());

    private final List<EventPattern> patterns;

    private FilterCriteria(List<EventPattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /**
     * The filters' {@code Pattern}s, as the mapping gives them.
     *
     * @throws IllegalArgumentException naming the pattern that is not one Lambda takes
     */
    public static FilterCriteria of(List<String> patterns) {
        return patterns.isEmpty() ? NONE : new FilterCriteria(patterns.stream().map(EventPattern::parse).toList());
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** Whether the record (as Lambda's filtering sees it) goes to the function. */
    public boolean passes(JsonNode record) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (EventPattern pattern : patterns) {
            if (pattern.matches(record)) {
                return true;
            }
        }
        return false;
    }
}

package dev.sensorpipeline.readings.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Count, minimum, maximum and mean of a set of exact decimals. The mean is the exact sum over the count, rounded
 * half-even to the largest scale among the values plus two digits (values of one decimal give a mean of three).
 *
 * @param count how many values
 * @param min   the least, exactly as stored
 * @param max   the greatest, exactly as stored
 * @param mean  the rounded mean
 */
public record Summary(long count, BigDecimal min, BigDecimal max, BigDecimal mean) {

    /** Digits the mean keeps beyond the data's own scale. */
    public static final int EXTRA_MEAN_DIGITS = 2;

    public Summary {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(mean, "mean");
    }

    /** Accumulates values one at a time, exactly. */
    public static final class Builder {
        private long count;
        private BigDecimal min;
        private BigDecimal max;
        private BigDecimal sum = BigDecimal.ZERO;
        private int scale;

        /** Adds one value. */
        public Builder add(BigDecimal value) {
            if (count == 0 || value.compareTo(min) < 0) {
                min = value;
            }
            if (count == 0 || value.compareTo(max) > 0) {
                max = value;
            }
            sum = sum.add(value);
            scale = Math.max(scale, value.scale());
            count++;
            return this;
        }

        /** Whether no value was added. */
        public boolean isEmpty() {
            return count == 0;
        }

        /** The summary of the values added; call only when there is one. */
        public Summary build() {
            if (count == 0) {
                throw new IllegalStateException("no values to summarise");
            }
            BigDecimal mean = sum.divide(BigDecimal.valueOf(count), scale + EXTRA_MEAN_DIGITS, RoundingMode.HALF_EVEN);
            return new Summary(count, min, max, mean);
        }
    }
}

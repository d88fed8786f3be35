package dev.sensorpipeline.producer;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses the options whose values are more than a number, with messages that show a valid value. */
final class OptionConverters {

    private OptionConverters() {
    }

    /** {@code 90}, {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}, or ISO-8601 such as {@code PT1H30M}. */
    static final class FleetDuration implements ITypeConverter<Duration> {

        private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([smhd]?)");

        @Override
        public Duration convert(String value) {
            String text = value.strip().toLowerCase(Locale.ROOT);
            Matcher matcher = SHORT.matcher(text);
            try {
                if (matcher.matches()) {
                    long amount = Long.parseLong(matcher.group(1));
                    return switch (matcher.group(2)) {
                        case "m" -> Duration.ofMinutes(amount);
                        case "h" -> Duration.ofHours(amount);
                        case "d" -> Duration.ofDays(amount);
                        default -> Duration.ofSeconds(amount);
                    };
                }
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (ArithmeticException | NumberFormatException | DateTimeException e) {
                throw new TypeConversionException("'" + value + "' is not a duration; write e.g. 90s, 15m, 2h, 1d "
                        + "or PT1H30M");
            }
        }
    }

    /** Unix seconds such as {@code 1764374400}, or ISO-8601 such as {@code 2025-11-29T00:00:00Z}. */
    static final class StartTime implements ITypeConverter<Long> {

        @Override
        public Long convert(String value) {
            String text = value.strip();
            try {
                if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
                    return Long.parseLong(text);
                }
                if (text.endsWith("Z") || text.endsWith("z")) {
                    return Instant.parse(text.toUpperCase(Locale.ROOT)).getEpochSecond();
                }
                return OffsetDateTime.parse(text).toEpochSecond();
            } catch (NumberFormatException | DateTimeException e) {
                throw new TypeConversionException("'" + value + "' is not a start time; write Unix seconds such as "
                        + "1764374400 or an ISO-8601 time such as 2025-11-29T00:00:00Z");
            }
        }
    }

    /** {@code sensor}, {@code random} or {@code constant}, in any case. */
    static final class KeyMode implements ITypeConverter<PartitionKeyMode> {

        @Override
        public PartitionKeyMode convert(String value) {
            try {
                return PartitionKeyMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a partition key mode; choose sensor, "
                        + "random or constant");
            }
        }
    }

    /** {@code auto}, {@code always} or {@code never}, in any case. */
    static final class WhenConverter implements ITypeConverter<ProducerOptions.When> {

        @Override
        public ProducerOptions.When convert(String value) {
            try {
                return ProducerOptions.When.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not one of auto, always, never");
            }
        }
    }
}

package dev.sensorpipeline.producer;

import dev.sensorpipeline.cli.EnumChoice;
import dev.sensorpipeline.cli.TimeArgument;
import java.time.DateTimeException;
import java.time.Duration;
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
            try {
                return TimeArgument.parse(value, "a start time").getEpochSecond();
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code sensor}, {@code random} or {@code constant}, in any case. */
    static final class KeyMode extends EnumChoice<PartitionKeyMode> {
        KeyMode() {
            super(PartitionKeyMode.class, "a partition key mode");
        }
    }

    /** {@code auto}, {@code always} or {@code never}, in any case. */
    static final class WhenConverter extends EnumChoice<ProducerOptions.When> {
        WhenConverter() {
            super(ProducerOptions.When.class, "a --progress setting");
        }
    }
}

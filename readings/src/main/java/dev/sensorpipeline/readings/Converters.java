package dev.sensorpipeline.readings;

import dev.sensorpipeline.cli.EnumChoice;
import dev.sensorpipeline.cli.TimeArgument;
import dev.sensorpipeline.readings.format.Format;
import dev.sensorpipeline.readings.stats.Bucket;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The command line's value types, each refusing a bad value with a line naming the good ones. */
final class Converters {

    private Converters() {
    }

    /** A lower time bound. */
    static final class From implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return time(value, TimeArgument::atOrAfter);
        }
    }

    /** An upper time bound. */
    static final class To implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return time(value, TimeArgument::atOrBefore);
        }
    }

    private static Long time(String value, ToLongFunction<String> parse) {
        try {
            return parse.applyAsLong(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** {@code table}, {@code csv} or {@code json}. */
    static final class FormatConverter extends EnumChoice<Format> {
        FormatConverter() {
            super(Format.class, "a format");
        }
    }

    /** {@code 1m}, {@code 5m}, {@code 1h} or {@code 1d}. */
    static final class BucketConverter implements ITypeConverter<Bucket> {
        @Override
        public Bucket convert(String value) {
            return Bucket.parse(value).orElseThrow(() -> new TypeConversionException("'" + value
                    + "' is not a bucket: use " + Bucket.CHOICES.stream().map(Bucket::name)
                    .collect(Collectors.joining(", "))));
        }
    }
}

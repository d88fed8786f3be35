package dev.sensorpipeline.readings;

import dev.sensorpipeline.readings.format.Format;
import dev.sensorpipeline.readings.stats.Bucket;
import java.util.Locale;
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
            try {
                return TimeArgument.from(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** An upper time bound. */
    static final class To implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return TimeArgument.to(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code table}, {@code csv} or {@code json}. */
    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a format: use table, csv or json");
            }
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

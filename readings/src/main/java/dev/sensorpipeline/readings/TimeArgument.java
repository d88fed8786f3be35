package dev.sensorpipeline.readings;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * A time on the command line: Unix seconds ({@code 1764400000}) or ISO-8601: an instant
 * ({@code 2025-11-29T07:06:40Z}), a date-time with an offset ({@code 2025-11-29T08:06:40+01:00}), or without one,
 * which is read as UTC ({@code 2025-11-29T07:06:40}, {@code 2025-11-29} for its midnight). Readings are stamped in
 * whole seconds: a lower bound with a fraction rounds up, an upper bound down, so that the range holds exactly
 * the readings between the two instants.
 */
final class TimeArgument {

    private static final Pattern SECONDS = Pattern.compile("\\d{1,18}");

    private TimeArgument() {
    }

    /** The lowest whole second at or after {@code text}. */
    static long from(String text) {
        Instant instant = parse(text);
        return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
    }

    /** The highest whole second at or before {@code text}. */
    static long to(String text) {
        return parse(text).getEpochSecond();
    }

    /** The instant {@code text} names; {@link IllegalArgumentException} naming the forms it takes otherwise. */
    static Instant parse(String text) {
        String t = text.strip();
        if (SECONDS.matcher(t).matches()) {
            return Instant.ofEpochSecond(Long.parseLong(t));
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (t.endsWith("Z") || t.endsWith("z")) {
                return Instant.parse(t.substring(0, t.length() - 1) + "Z");
            }
            if (t.matches(".*T.*[+-]\\d\\d(:?\\d\\d)?$")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time: give Unix seconds (1764400000) or "
                    + "ISO-8601 (2025-11-29T07:06:40Z, 2025-11-29T08:06:40+01:00, 2025-11-29; no offset is UTC)");
        }
    }
}

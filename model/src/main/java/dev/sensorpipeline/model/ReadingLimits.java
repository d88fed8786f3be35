package dev.sensorpipeline.model;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The bounds a valid reading stays within: DynamoDB's own limits on keys and numbers, and the physical range of
 * humidity. Checking them before a write keeps one bad reading from failing a request shared with good ones.
 */
public final class ReadingLimits {

    /** DynamoDB's limit on a partition key value, in UTF-8 bytes. */
    public static final int MAX_SENSOR_ID_BYTES = 2048;

    /**
     * The largest record taken as a reading. A reading is under 100 bytes; anything this large is not a reading,
     * and bounding it keeps the rejects table's copy of it within DynamoDB's 400 KB item limit.
     */
    public static final int MAX_RECORD_BYTES = 64 * 1024;

    /** DynamoDB numbers carry at most 38 significant digits. */
    public static final int MAX_NUMBER_PRECISION = 38;

    /** The smallest magnitude DynamoDB stores, other than zero. */
    public static final BigDecimal MIN_NUMBER_MAGNITUDE = new BigDecimal("1E-130");

    /** DynamoDB stores magnitudes strictly below this. */
    public static final BigDecimal NUMBER_MAGNITUDE_BOUND = new BigDecimal("1E+126");

    public static final BigDecimal MIN_HUMIDITY = BigDecimal.ZERO;
    public static final BigDecimal MAX_HUMIDITY = BigDecimal.valueOf(100);

    private ReadingLimits() {
    }

    /**
     * Why DynamoDB would refuse this number, or empty when it stores it as it is.
     *
     * @param field the field's name, for the message
     */
    public static Optional<String> dynamoDbNumberProblem(String field, BigDecimal value) {
        if (value.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal magnitude = value.abs();
        if (magnitude.compareTo(NUMBER_MAGNITUDE_BOUND) >= 0 || magnitude.compareTo(MIN_NUMBER_MAGNITUDE) < 0) {
            return Optional.of(field + " " + shortText(value) + " is outside DynamoDB's number range"
                    + " (magnitudes from 1E-130 to 9.99...E+125, or 0)");
        }
        int precision = value.stripTrailingZeros().precision();
        if (precision > MAX_NUMBER_PRECISION) {
            return Optional.of(field + " " + shortText(value) + " has " + precision
                    + " significant digits; DynamoDB stores at most " + MAX_NUMBER_PRECISION);
        }
        return Optional.empty();
    }

    static String shortText(BigDecimal value) {
        String text = value.toString();
        return text.length() <= 48 ? text : text.substring(0, 45) + "...";
    }
}

package dev.sensorpipeline.readings.format;

/** How a command prints its rows. */
public enum Format {
    /** Aligned columns for a person, with the time in UTC beside the Unix seconds. */
    TABLE,
    /** RFC 4180 CSV with a header line. */
    CSV,
    /** One JSON object a line. */
    JSON
}

package dev.sensorpipeline.ingest.batch;

import java.util.Comparator;

/** Kinesis sequence numbers are decimal strings of up to 128 digits: compare them as numbers, not as text. */
public final class SequenceNumbers {

    /** Orders by numeric value; {@code null} (a hand-made event) comes first. */
    public static final Comparator<String> NUMERIC_ORDER = Comparator.nullsFirst(
            Comparator.comparingInt(SequenceNumbers::significantLength)
                    .thenComparing(SequenceNumbers::significantDigits));

    private SequenceNumbers() {
    }

    private static int significantLength(String sequenceNumber) {
        return sequenceNumber.length() - leadingZeros(sequenceNumber);
    }

    private static String significantDigits(String sequenceNumber) {
        return sequenceNumber.substring(leadingZeros(sequenceNumber));
    }

    private static int leadingZeros(String sequenceNumber) {
        int zeros = 0;
        while (zeros < sequenceNumber.length() - 1 && sequenceNumber.charAt(zeros) == '0') {
            zeros++;
        }
        return zeros;
    }
}

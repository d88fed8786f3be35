package dev.sensorpipeline.model.stream;

import java.util.Comparator;
import java.util.List;

/**
 * Sequence numbers of Lambda's stream records, Kinesis's (up to 128 decimal digits) and DynamoDB Streams' alike, and
 * the one way both functions turn a batch's records to retry into what they report to Lambda.
 */
public final class SequenceNumbers {

    /** Orders by numeric value, not as text; {@code null} (a hand-made event) comes first. */
    public static final Comparator<String> NUMERIC_ORDER = Comparator.nullsFirst(
            Comparator.comparingInt(SequenceNumbers::significantLength)
                    .thenComparing(SequenceNumbers::significantDigits));

    private SequenceNumbers() {
    }

    /**
     * The item identifiers of a {@code StreamsEventResponse}'s {@code batchItemFailures}: the sequence numbers of
     * the records to retry. Lambda resumes the shard at the lowest one.
     *
     * @param failed       the sequence numbers of the records to retry
     * @param unreportable records to retry that have no sequence number (only a hand-made event has them)
     * @param whatFailed   what could not be done to them, for the message: "stored", "processed"
     * @throws IllegalStateException when some cannot be reported: only a replay of the whole batch brings them back
     */
    public static List<String> toReport(List<String> failed, int unreportable, String whatFailed) {
        if (unreportable > 0) {
            // Without sequence numbers only a replay of the whole batch can bring the failed records back.
            throw new IllegalStateException(unreportable + " records without a sequence number could not be "
                    + whatFailed + "; retry the batch");
        }
        return List.copyOf(failed);
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

package dev.sensorpipeline.local.runner.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensorpipeline.local.runner.function.FunctionResult;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Reads the function's answer as Lambda does for a Kinesis event source mapping.
 *
 * <p>Without {@code ReportBatchItemFailures} any response is a success. With it, a response without
 * {@code batchItemFailures}, or with a null or empty list, is a success; otherwise the batch resumes at the lowest
 * sequence number reported, and an item whose {@code itemIdentifier} is missing, null, empty or not in the batch
 * fails the whole batch. A function error always fails the whole batch.
 */
public final class ResponseInterpreter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean reportBatchItemFailures;

    public ResponseInterpreter(boolean reportBatchItemFailures) {
        this.reportBatchItemFailures = reportBatchItemFailures;
    }

    public BatchOutcome interpret(FunctionResult result, Segment segment) {
        if (result instanceof FunctionResult.Error error) {
            return new BatchOutcome.Failure(error.errorType() + ": " + error.errorMessage());
        }
        if (!reportBatchItemFailures) {
            return new BatchOutcome.Success();
        }
        JsonNode failures = batchItemFailures(((FunctionResult.Response) result).body());
        if (failures == null || failures.isNull() || failures.isMissingNode()
                || (failures.isArray() && failures.isEmpty())) {
            return new BatchOutcome.Success();
        }
        if (!failures.isArray()) {
            return new BatchOutcome.Failure("batchItemFailures is not a list: " + failures);
        }
        String lowest = null;
        for (JsonNode item : failures) {
            JsonNode identifier = item.get("itemIdentifier");
            if (identifier == null || !identifier.isTextual() || identifier.asText().isEmpty()) {
                return new BatchOutcome.Failure("a batch item failure has no itemIdentifier: " + item);
            }
            String sequenceNumber = identifier.asText();
            if (segment.indexOf(sequenceNumber) < 0) {
                return new BatchOutcome.Failure("batchItemFailures names " + sequenceNumber
                        + ", which is not in the batch");
            }
            if (lowest == null || new BigInteger(sequenceNumber).compareTo(new BigInteger(lowest)) < 0) {
                lowest = sequenceNumber;
            }
        }
        return new BatchOutcome.PartialFailure(lowest);
    }

    /** The response's batchItemFailures node; null when the response is empty or not a JSON object. */
    private static JsonNode batchItemFailures(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode response = JSON.readTree(body);
            return response != null && response.isObject() ? response.get("batchItemFailures") : null;
        } catch (IOException notJson) {
            return null;
        }
    }
}

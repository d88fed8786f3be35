package dev.sensorpipeline.local.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How one invocation ended: a function error (Lambda's {@code FunctionError}, or the local runtime's error document),
 * or the function's response, a {@code StreamsEventResponse}.
 */
public record Invocation(boolean functionError, String response) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The sequence numbers of the records not yet stored, of those given: all of them after a function error or a
     * response that is not a {@code StreamsEventResponse} (Lambda would retry the whole batch), else those its
     * {@code batchItemFailures} name (the ingest function names every record it has not stored).
     */
    public Set<String> stillFailing(Collection<String> sequenceNumbers) {
        Set<String> all = new LinkedHashSet<>(sequenceNumbers);
        if (functionError) {
            return all;
        }
        JsonNode failures;
        try {
            JsonNode body = JSON.readTree(response);
            failures = body == null ? null : body.get("batchItemFailures");
        } catch (IOException e) {
            return all;
        }
        if (failures == null || failures.isNull()) {
            return Set.of();
        }
        if (!failures.isArray()) {
            return all;
        }
        Set<String> named = new LinkedHashSet<>();
        for (JsonNode failure : failures) {
            JsonNode identifier = failure.get("itemIdentifier");
            if (identifier == null || !identifier.isTextual() || !all.contains(identifier.asText())) {
                // Lambda fails the whole batch on an identifier it cannot match to a record.
                return all;
            }
            named.add(identifier.asText());
        }
        return named;
    }
}

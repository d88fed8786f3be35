package dev.sensorpipeline.local.runner.failure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The on-failure documents of AWS's documentation, as test resources under /failure, and their field order. */
final class AwsExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsExamples() {
    }

    /** The example in {@code /failure/NAME}. */
    static ObjectNode document(String name) throws IOException {
        try (InputStream in = AwsExamples.class.getResourceAsStream("/failure/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    /** A node's field names, in the order they are written. */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

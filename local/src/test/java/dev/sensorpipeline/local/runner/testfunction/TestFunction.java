package dev.sensorpipeline.local.runner.testfunction;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A function for the runner's tests, deployed as a jar of this one class: it throws when a record says "poison",
 * sleeps past any timeout when one says "sleep", and otherwise appends the batch's sequence numbers, one a line, to
 * the file named by PROCESSED_LOG. It prints the ARN it was invoked by and its version, as Lambda tells it them. It
 * takes the event as a plain Map, so that it needs nothing but the runtime.
 */
public class TestFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        List<String> sequenceNumbers = new ArrayList<>();
        for (Map<String, Object> record : (List<Map<String, Object>>) event.get("Records")) {
            Map<String, Object> kinesis = (Map<String, Object>) record.get("kinesis");
            String data = new String(Base64.getDecoder().decode((String) kinesis.get("data")), StandardCharsets.UTF_8);
            if (data.equals("poison")) {
                throw new IllegalStateException("poison record " + kinesis.get("sequenceNumber"));
            }
            if (data.equals("sleep")) {
                sleepPastTheTimeout();
            }
            sequenceNumbers.add((String) kinesis.get("sequenceNumber"));
        }
        try {
            Files.writeString(Path.of(System.getenv("PROCESSED_LOG")), String.join("\n", sequenceNumbers) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("processed " + sequenceNumbers.size() + " records");
        System.out.println("invoked as " + context.getInvokedFunctionArn() + ", version "
                + System.getenv("AWS_LAMBDA_FUNCTION_VERSION"));
        return Map.of("batchItemFailures", List.of());
    }

    private static void sleepPastTheTimeout() {
        try {
            Thread.sleep(600_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

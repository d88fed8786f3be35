package dev.sensorpipeline.local.runner.testfunction;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function for the runner's table-stream tests, deployed as a jar of this one class: it appends each event it is
 * given, exactly as it got it, one a line, to the file named by EVENTS_LOG, and answers batchItemFailures as told:
 * a record whose image has {@code "Fail": {"S": "once"}} is reported failed (by its {@code dynamodb.SequenceNumber})
 * the first time it comes, noted in FAILED_LOG, and taken after that. It reads the event as bytes, so that it needs
 * nothing but the runtime.
 */
public class TableStreamFunction implements RequestStreamHandler {

    private static final Pattern SEQUENCE_NUMBER = Pattern.compile("\"SequenceNumber\":\"(\\d+)\"");

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(Path.of(System.getenv("EVENTS_LOG")), event.replace("\n", " ") + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Path failedLog = Path.of(System.getenv("FAILED_LOG"));
        Set<String> failedBefore = Files.exists(failedLog) ? new HashSet<>(Files.readAllLines(failedLog)) : Set.of();
        List<String> failures = new ArrayList<>();
        for (String record : event.split("\\{\"eventID\":")) {
            Matcher sequenceNumber = SEQUENCE_NUMBER.matcher(record);
            if (record.contains("\"Fail\":{\"S\":\"once\"}") && sequenceNumber.find()
                    && !failedBefore.contains(sequenceNumber.group(1))) {
                failures.add(sequenceNumber.group(1));
            }
        }
        for (String failure : failures) {
            Files.writeString(failedLog, failure + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        StringBuilder response = new StringBuilder("{\"batchItemFailures\":[");
        for (int i = 0; i < failures.size(); i++) {
            response.append(i == 0 ? "" : ",").append("{\"itemIdentifier\":\"").append(failures.get(i)).append("\"}");
        }
        output.write(response.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        System.out.println("took " + (event.split("\\{\"eventID\":").length - 1 - failures.size())
                + " changes, reported " + failures.size() + " failed");
    }
}

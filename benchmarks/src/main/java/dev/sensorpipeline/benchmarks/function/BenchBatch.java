package dev.sensorpipeline.benchmarks.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensorpipeline.model.event.EventRecord;
import dev.sensorpipeline.model.event.EventSource;
import dev.sensorpipeline.model.event.KinesisEventWriter;
import dev.sensorpipeline.model.kpl.Deaggregation;
import dev.sensorpipeline.model.kpl.KplAggregate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One invocation's payload: a Kinesis event of {@code records} records as Lambda delivers it, holding
 * {@code readings} readings (more than its records when they are KPL aggregates).
 */
record BenchBatch(byte[] event, int records, int readings) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The full batches of {@code recordsPerBatch} records in an event file the producer wrote
     * ({@code --events-out}), in order; the records left over that would not fill one are left out.
     */
    static List<BenchBatch> fullBatches(Path eventFile, int recordsPerBatch) {
        JsonNode records;
        try {
            records = JSON.readTree(eventFile.toFile()).path("Records");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event file " + eventFile + ": " + e.getMessage(), e);
        }
        List<BenchBatch> batches = new ArrayList<>();
        for (int start = 0; start + recordsPerBatch <= records.size(); start += recordsPerBatch) {
            EventSource source = null;
            List<EventRecord> batch = new ArrayList<>(recordsPerBatch);
            int readings = 0;
            for (int i = start; i < start + recordsPerBatch; i++) {
                JsonNode record = records.get(i);
                JsonNode kinesis = record.path("kinesis");
                if (source == null) {
                    source = new EventSource(record.path("eventSourceARN").asText(), record.path("awsRegion").asText(),
                            record.path("invokeIdentityArn").asText());
                }
                byte[] data = Base64.getDecoder().decode(kinesis.path("data").asText());
                readings += readingsIn(data);
                String eventId = record.path("eventID").asText();
                BigDecimal arrival = kinesis.path("approximateArrivalTimestamp").decimalValue();
                batch.add(new EventRecord(eventId.substring(0, eventId.indexOf(':')),
                        kinesis.path("partitionKey").asText(), kinesis.path("sequenceNumber").asText(), data,
                        Instant.ofEpochMilli(arrival.movePointRight(3).longValue())));
            }
            batches.add(new BenchBatch(KinesisEventWriter.toBytes(source, batch), recordsPerBatch, readings));
        }
        if (batches.isEmpty()) {
            throw new IllegalArgumentException(eventFile + " holds " + records.size() + " records, fewer than one"
                    + " batch of " + recordsPerBatch + ": have the producer write more readings");
        }
        return List.copyOf(batches);
    }

    private static int readingsIn(byte[] data) {
        if (!KplAggregate.isAggregated(data)) {
            return 1;
        }
        if (KplAggregate.deaggregate(data) instanceof Deaggregation.Deaggregated aggregate) {
            return aggregate.userRecords().size();
        }
        throw new IllegalArgumentException("a corrupt KPL aggregate in the event file");
    }
}

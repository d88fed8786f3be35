package dev.sensorpipeline.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensorpipeline.ingest.store.SensorItemMapper;
import dev.sensorpipeline.model.DecodeResult;
import dev.sensorpipeline.model.ReadingCodec;
import dev.sensorpipeline.model.SensorReading;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One Kinesis record's data to a validated {@code SensorData} item, in records per second on one thread: the
 * function's decode path (UTF-8 check, JSON, every limit, the item map), next to a baseline that parses with a
 * Jackson tree and doubles and checks nothing, as the book's handler does.
 */
public class RecordDecodeBenchmark extends ThroughputBenchmark {

    static final int RECORDS = 1024;

    private final ReadingCodec codec = new ReadingCodec();
    private final SensorItemMapper mapper = new SensorItemMapper(Optional.empty());
    private final ObjectMapper objectMapper = new ObjectMapper();
    private ByteBuffer[] records;

    @Setup
    public void produceRecords() {
        // Readings as the producer encodes them: 100 sensors, half with humidity.
        Random random = new Random(42);
        records = new ByteBuffer[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            BigDecimal temperature = BigDecimal.valueOf(400 + random.nextInt(600), 1);
            BigDecimal humidity = i % 2 == 0 ? BigDecimal.valueOf(random.nextInt(1000), 1) : null;
            SensorReading reading = new SensorReading("sensor-" + (1 + random.nextInt(100)),
                    1764400000L + i, temperature, humidity);
            records[i] = ByteBuffer.wrap(codec.encode(reading));
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void decodeToItem(Blackhole blackhole) {
        for (ByteBuffer record : records) {
            DecodeResult result = codec.decode(record);
            if (result instanceof DecodeResult.Decoded decoded) {
                blackhole.consume(mapper.toItem(decoded.reading()));
            } else {
                blackhole.consume(result);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void decodeOnly(Blackhole blackhole) {
        for (ByteBuffer record : records) {
            blackhole.consume(codec.decode(record));
        }
    }

    /** The book's way: parse to a tree, read the fields as doubles, check nothing. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void baselineJacksonTreeUnchecked(Blackhole blackhole) throws IOException {
        for (ByteBuffer record : records) {
            JsonNode node = objectMapper.readTree(record.array(), record.arrayOffset(), record.remaining());
            Map<String, AttributeValue> item = new HashMap<>(8);
            item.put("SensorId", AttributeValue.fromS(node.get("sensor_id").asText()));
            item.put("CurrentTime", AttributeValue.fromN(Long.toString(node.get("current_time").asLong())));
            item.put("Temperature", AttributeValue.fromN(Double.toString(node.get("temperature").asDouble())));
            blackhole.consume(item);
        }
    }
}

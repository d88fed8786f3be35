package dev.sensorpipeline.ingest.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensorpipeline.model.log.JsonLogger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonLoggerTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final JsonLogger log = JsonLogger.to(new PrintStream(output, true, StandardCharsets.UTF_8), "Test");

    private String written() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void warn_writesOneValidJsonLine_evenWhenAValueHoldsQuotesNewlinesAndControlCharacters() throws Exception {
        // given
        String sensorId = "sensor \"7\"\nsecond line\u0000\u001b[31m";

        // when
        log.warn("record rejected", "partitionKey", sensorId, "bytes", 42);

        // then
        assertThat(written().strip()).doesNotContain("\n");
        JsonNode line = new ObjectMapper().readTree(written());
        assertThat(line.get("partitionKey").asText()).isEqualTo(sensorId);
        assertThat(line.get("bytes").isInt()).isTrue();
        assertThat(line.get("level").asText()).isEqualTo("WARN");
    }

    @Test
    void info_withBatchMetrics_writesAnEmbeddedMetricFormatDocument() throws Exception {
        // given
        BatchMetrics metrics = BatchMetrics.builder().records(100).aggregated(1).readings(2099).stored(2096).rejected(2)
                .duplicates(1).retried(3).throttled(1).failed(0).durationMs(42).itemCollectionLimitExceeded(0).build();

        // when
        log.info("batch processed", metrics.toEmfFields("sensor-ingest", Instant.ofEpochMilli(1764400000000L)));

        // then
        JsonNode line = new ObjectMapper().readTree(written());
        assertThat(line.get("stored").asInt()).isEqualTo(2096);
        assertThat(line.get("FunctionName").asText()).isEqualTo("sensor-ingest");
        JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo("SensorPipeline");
        assertThat(directive.get("Dimensions").get(0).get(0).asText()).isEqualTo("FunctionName");
        assertThat(directive.get("Metrics").findValuesAsText("Name"))
                .containsExactly("records", "aggregated", "readings", "stored", "rejected", "duplicates", "retried",
                        "throttled", "failed", "durationMs", "itemCollectionLimitExceeded");
        assertThat(line.get("_aws").get("Timestamp").asLong()).isEqualTo(1764400000000L);
    }
}

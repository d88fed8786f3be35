package dev.sensorpipeline.producer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PutEntryTest {

    private static final SensorReading READING = SensorReading.of("sensor-1", 0, BigDecimal.ONE);

    @Test
    void size_countsDataAndPartitionKeyInUtf8Bytes() {
        // given: "Mé€𝄞" is 1 + 2 + 3 + 4 bytes
        PutEntry entry = new PutEntry(0, READING, "Mé€𝄞", new byte[100]);

        // when
        int size = entry.size();

        // then
        assertThat(size).isEqualTo(110);
    }

    @Test
    void anEntryOfOneMebibyte_withItsKey_isTaken() {
        // given
        byte[] data = new byte[BatchLimits.MAX_RECORD_BYTES - 8];

        // when
        PutEntry entry = new PutEntry(0, READING, "sensor-1", data);

        // then
        assertThat(entry.size()).isEqualTo(BatchLimits.MAX_RECORD_BYTES);
    }

    @Test
    void anEntryOverOneMebibyte_withItsKey_isRefused() {
        // given
        byte[] data = new byte[BatchLimits.MAX_RECORD_BYTES - 7];

        // when, then
        assertThatThrownBy(() -> new PutEntry(0, READING, "sensor-1", data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + BatchLimits.MAX_RECORD_BYTES);
    }

    @Test
    void aPartitionKeyOver256Characters_isRefused() {
        // given
        String key = "k".repeat(257);

        // when, then
        assertThatThrownBy(() -> new PutEntry(0, READING, key, new byte[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 256 characters");
    }
}

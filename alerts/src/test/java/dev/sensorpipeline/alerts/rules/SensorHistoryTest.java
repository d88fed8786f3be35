package dev.sensorpipeline.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SensorHistoryTest {

    @Test
    void lowestIn_includesTheStart_andExcludesTheEnd() {
        // given readings at both edges
        SensorHistory history = new SensorHistory()
                .addStored(new Sample(100, new BigDecimal("5")))
                .addStored(new Sample(200, new BigDecimal("1")));

        // when / then
        assertThat(history.lowestIn(100, 200)).contains(new Sample(100, new BigDecimal("5")));
        assertThat(history.lowestIn(101, 200)).isEmpty();
        assertThat(history.lowestIn(100, 201)).contains(new Sample(200, new BigDecimal("1")));
    }

    @Test
    void aBatchReading_replacesAStoredOneAtItsTime_whicheverComesFirst() {
        // given the same time stored and in the batch, added in both orders
        SensorHistory storedFirst = new SensorHistory()
                .addStored(new Sample(100, new BigDecimal("5")))
                .addFromBatch(new Sample(100, new BigDecimal("7")));
        SensorHistory batchFirst = new SensorHistory()
                .addFromBatch(new Sample(100, new BigDecimal("7")))
                .addStored(new Sample(100, new BigDecimal("5")));

        // when / then
        assertThat(storedFirst.lowestIn(0, 1000)).contains(new Sample(100, new BigDecimal("7")));
        assertThat(batchFirst.lowestIn(0, 1000)).contains(new Sample(100, new BigDecimal("7")));
    }

    @Test
    void lowestIn_anEmptyRange_isEmpty() {
        // given
        SensorHistory history = new SensorHistory().addStored(new Sample(100, new BigDecimal("5")));

        // when / then
        assertThat(history.lowestIn(100, 100)).isEmpty();
    }
}

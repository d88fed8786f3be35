package dev.sensorpipeline.producer.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainBatchTest {

    private static final int MIB = 1024 * 1024;

    @Test
    void tryAdd_refusesThe501stEntry() {
        // given
        PlainBatch batch = new PlainBatch(BatchLimits.PUT_RECORDS);
        Entries.of(500, 13).forEach(entry -> assertThat(batch.tryAdd(Attempt.first(entry))).isTrue());

        // when
        boolean added = batch.tryAdd(Attempt.first(Entries.of(1, 1).get(0)));

        // then
        assertThat(added).isFalse();
        assertThat(batch.size()).isEqualTo(500);
        assertThat(batch.isFull()).isTrue();
    }

    @Test
    void tryAdd_takesEntriesThatFillFiveMebibytesExactly() {
        // given: five entries of one MiB each, partition key included
        PlainBatch batch = new PlainBatch(BatchLimits.PUT_RECORDS);

        // when
        for (int i = 0; i < 5; i++) {
            assertThat(batch.tryAdd(Attempt.first(Entries.sized(i, "sensor-" + i, MIB)))).isTrue();
        }

        // then
        assertThat(batch.bytes()).isEqualTo(5L * MIB);
    }

    @Test
    void tryAdd_countsThePartitionKeyAgainstTheFiveMebibytes() {
        // given: 5 MiB less one byte of data and keys
        PlainBatch batch = new PlainBatch(BatchLimits.PUT_RECORDS);
        for (int i = 0; i < 4; i++) {
            batch.tryAdd(Attempt.first(Entries.sized(i, "sensor-1", MIB)));
        }
        batch.tryAdd(Attempt.first(Entries.sized(4, "sensor-1", MIB - 1)));

        // when: one byte of data would fit; its one-byte key takes it over
        boolean added = batch.tryAdd(Attempt.first(Entries.sized(5, "k", 2)));

        // then
        assertThat(added).isFalse();
        assertThat(batch.size()).isEqualTo(5);
    }

    @Test
    void tryAdd_takesOneEntryOnly_underPutRecordLimits() {
        // given
        PlainBatch batch = new PlainBatch(BatchLimits.PUT_RECORD);
        batch.tryAdd(Attempt.first(Entries.of(1, 1).get(0)));

        // when
        boolean added = batch.tryAdd(Attempt.first(Entries.of(2, 1).get(1)));

        // then
        assertThat(added).isFalse();
    }
}

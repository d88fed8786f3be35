package dev.sensorpipeline.model.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceNumbersTest {

    @Test
    void numericOrder_comparesByValue_notAsText() {
        // given
        List<String> sequenceNumbers = new ArrayList<>(List.of(
                "49656138346014374315573628195263025741183727427425746946",
                "9",
                "49656138346014374315573628195263025741183727427425746945",
                "10"));

        // when
        sequenceNumbers.sort(SequenceNumbers.NUMERIC_ORDER);

        // then
        assertThat(sequenceNumbers).containsExactly("9", "10",
                "49656138346014374315573628195263025741183727427425746945",
                "49656138346014374315573628195263025741183727427425746946");
    }

    @Test
    void toReport_givesTheSequenceNumbers_whenEveryRecordHasOne() {
        // given / when / then
        assertThat(SequenceNumbers.toReport(List.of("9", "10"), 0, "stored")).containsExactly("9", "10");
    }

    @Test
    void toReport_failsTheBatch_whenARecordWithoutASequenceNumberFailed() {
        // given / when / then
        assertThatThrownBy(() -> SequenceNumbers.toReport(List.of("9"), 2, "stored"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("2 records without a sequence number could not be stored; retry the batch");
    }
}

package dev.sensorpipeline.ingest.batch;

import static org.assertj.core.api.Assertions.assertThat;

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
}

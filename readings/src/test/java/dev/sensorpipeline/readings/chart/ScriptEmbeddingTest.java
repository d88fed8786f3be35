package dev.sensorpipeline.readings.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ScriptEmbeddingTest {

    @Test
    void escape_leavesNoClosingTag_andKeepsTheJsonValue() throws Exception {
        // given a sensor id that would close the script element
        String json = new ObjectMapper().writeValueAsString(
                java.util.Map.of("id", "</script><script>alert(1)</script>&\u2028\u2029"));

        // when
        String escaped = ScriptEmbedding.escape(json);

        // then
        assertThat(escaped).doesNotContain("<", ">", "&", "\u2028", "\u2029");
        assertThat(new ObjectMapper().readTree(escaped)).isEqualTo(new ObjectMapper().readTree(json));
    }
}

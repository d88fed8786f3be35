package dev.sensorpipeline.producer.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.producer.delivery.LiveCounts;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void render_showsSentOfTotal_retriedFailed_andTheRate() {
        // given
        LiveCounts.Snapshot snapshot = new LiveCounts.Snapshot(2500, 2400, 30, 1, 5);

        // when
        String line = ProgressLine.render(snapshot, 5000, 4321.4);

        // then
        assertThat(line).isEqualTo("sent 2500/5000, accepted 2400, retried 30, failed 1, 4321 readings/s");
    }

    @Test
    void render_leavesOutTheTotal_forARunWithoutEnd() {
        // given
        LiveCounts.Snapshot snapshot = new LiveCounts.Snapshot(10, 10, 0, 0, 1);

        // when
        String line = ProgressLine.render(snapshot, Long.MAX_VALUE, 10);

        // then
        assertThat(line).startsWith("sent 10, accepted 10");
    }
}

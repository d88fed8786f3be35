package dev.sensorpipeline.readings.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QueryProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(5 * SECOND);
    private final StringWriter err = new StringWriter();
    private final QueryProgress progress = new QueryProgress(new PrintWriter(err), clock::get);

    @Test
    void aQueryFasterThanTheInterval_saysNothing() {
        // given a query whose pages come within 2 s of its start
        QueryProgress.Tracker tracker = progress.start("sensor-1 in SensorData");

        // when
        clock.addAndGet(SECOND);
        tracker.page(1, 400);
        clock.addAndGet(SECOND * 9 / 10);
        tracker.page(2, 800);

        // then
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aLongQuery_saysHowFarItIs_onceAnIntervalHasPassed_andNotAgainBeforeTheNext() {
        // given a query whose second page comes 2 s after its start
        QueryProgress.Tracker tracker = progress.start("sensor-1 in SensorData");
        clock.addAndGet(SECOND);
        tracker.page(1, 1_000);

        // when
        clock.addAndGet(SECOND);
        tracker.page(2, 2_000);
        clock.addAndGet(SECOND);
        tracker.page(3, 3_000);

        // then one line, for the page at 2 s
        assertThat(err.toString().lines().toList())
                .containsExactly("... reading sensor-1 in SensorData: 2,000 readings in 2 pages so far (2 s)");
    }

    @Test
    void theNextLine_comesAnIntervalAfterTheLastLine() {
        // given a line at 2.5 s
        QueryProgress.Tracker tracker = progress.start("sensor-1 in SensorData");
        clock.addAndGet(SECOND * 5 / 2);
        tracker.page(1, 10);

        // when pages come at 4 s and at 4.5 s
        clock.addAndGet(SECOND * 3 / 2);
        tracker.page(2, 20);
        clock.addAndGet(SECOND / 2);
        tracker.page(3, 30);

        // then the second line is the one at 4.5 s, 2 s after the first
        assertThat(err.toString().lines().toList()).containsExactly(
                "... reading sensor-1 in SensorData: 10 readings in 1 pages so far (3 s)",
                "... reading sensor-1 in SensorData: 30 readings in 3 pages so far (5 s)");
    }
}

package dev.sensorpipeline.producer.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long START = 5_000_000_000L;

    @Test
    void allowance_isOne_atTheStart_andGrowsWithTheRate() {
        // given
        Pacer pacer = new Pacer(10, START);

        // when, then: entry n is due at n / 10 s
        assertThat(pacer.allowance(START)).isEqualTo(1);
        assertThat(pacer.allowance(START + 99_999_999)).isEqualTo(1);
        assertThat(pacer.allowance(START + 100_000_000)).isEqualTo(2);
        assertThat(pacer.allowance(START + 1_000_000_000)).isEqualTo(11);
    }

    @Test
    void untilDue_agreesWithAllowance_forAnAwkwardRate() {
        // given
        Pacer pacer = new Pacer(3, START);

        // when, then: whenever entry n is due, the allowance has just grown past it
        for (long n = 1; n < 100; n++) {
            long due = START + pacer.untilDue(n, START).toNanos();
            assertThat(pacer.allowance(due)).as("entry %d", n).isEqualTo(n + 1);
            assertThat(pacer.allowance(due - 1)).as("entry %d", n).isEqualTo(n);
        }
    }

    @Test
    void aRateOfZero_releasesEverythingAtOnce() {
        // given
        Pacer pacer = new Pacer(0, START);

        // when, then
        assertThat(pacer.allowance(START)).isEqualTo(Long.MAX_VALUE);
        assertThat(pacer.untilDue(1_000_000, START)).isEqualTo(Duration.ZERO);
    }
}

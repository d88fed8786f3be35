package dev.sensorpipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProxyCommandLineTest {

    @Test
    void parse_readsEveryFlag_intoThePlanOfTheSameName() {
        // when
        ProxyCommandLine line = ProxyCommandLine.parse("--upstream", "http://127.0.0.1:5000", "--port", "4567",
                "--seed", "42", "--throttle-batch-write-item", "0.2", "--fail-batch-write-item=0.1",
                "--leave-items-unprocessed", "0.3", "--refuse-put-records-entries", "0.4",
                "--throttle-put-records", "0.05", "--throttle-get-records", "0.6", "--dynamodb-down",
                "--stats-interval", "10");

        // then
        assertThat(line).isEqualTo(new ProxyCommandLine(URI.create("http://127.0.0.1:5000"), 4567,
                new FaultPlan(42, 0.2, 0.1, 0.3, 0.4, 0.05, 0.6, true), Duration.ofSeconds(10), false));
    }

    @Test
    void parse_forwardsEverything_whenOnlyTheUpstreamIsGiven() {
        assertThat(ProxyCommandLine.parse("--upstream=http://localhost:5000"))
                .isEqualTo(new ProxyCommandLine(URI.create("http://localhost:5000"), 0, FaultPlan.none(),
                        Duration.ZERO, false));
    }

    @Test
    void parse_requiresTheUpstream() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProxyCommandLine.parse("--seed", "1"))
                .withMessage("--upstream is required");
    }

    @Test
    void parse_namesAnUnknownFlag() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProxyCommandLine.parse("--upstream", "http://h:1", "--throttle-everything", "1"))
                .withMessage("unknown option --throttle-everything");
    }

    @Test
    void parse_namesTheFlag_whoseShareIsOutOfRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProxyCommandLine.parse("--upstream", "http://h:1", "--throttle-get-records", "20"))
                .withMessageStartingWith("--throttle-get-records needs a share between 0 and 1");
    }

    @Test
    void parse_namesTheFlag_whoseValueIsMissing() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProxyCommandLine.parse("--upstream", "http://h:1", "--seed"))
                .withMessage("--seed needs a value");
    }
}

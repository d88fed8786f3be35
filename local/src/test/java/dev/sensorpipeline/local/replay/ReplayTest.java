package dev.sensorpipeline.local.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int execute(Map<String, String> environment, String... args) {
        Replay replay = new Replay(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
        return Replay.commandLine(replay).execute(args);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void replay_exitsTwoNamingIt_whenTheDestinationIsATopic() {
        // when
        int exit = execute(Map.of("AWS_REGION", "us-east-1"), "--destination",
                "arn:aws:sns:us-east-1:123456789012:failures");

        // then
        assertThat(exit).isEqualTo(Replay.EXIT_USAGE);
        assertThat(errors()).contains("'arn:aws:sns:us-east-1:123456789012:failures' is neither an S3 bucket");
    }

    @Test
    void replay_exitsTwo_whenAQueueComesWithoutItsUrl() {
        // when
        int exit = execute(Map.of("AWS_REGION", "us-east-1"), "--destination",
                "arn:aws:sqs:us-east-1:123456789012:failures");

        // then
        assertThat(exit).isEqualTo(Replay.EXIT_USAGE);
        assertThat(errors()).contains("an SQS destination needs --queue-url");
    }

    @Test
    void replay_exitsTwoSayingHow_whenThereIsNoRegion() {
        // when
        int exit = execute(Map.of(), "--destination", "arn:aws:s3:::failures");

        // then
        assertThat(exit).isEqualTo(Replay.EXIT_USAGE);
        assertThat(errors()).contains("no region: set AWS_REGION");
    }

    @Test
    void replay_exitsTwo_withoutADestination() {
        // when
        int exit = execute(Map.of("AWS_REGION", "us-east-1"), "--dry-run");

        // then
        assertThat(exit).isEqualTo(Replay.EXIT_USAGE);
        assertThat(errors()).contains("--destination");
    }
}

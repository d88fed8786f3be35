package dev.sensorpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class UsageErrorsTest {

    @Command(name = "sensor-tool", subcommands = Sub.class)
    static final class Tool implements Runnable {
        @Option(names = "--count")
        int count;

        @Override
        public void run() {
        }
    }

    @Command(name = "sub")
    static final class Sub implements Runnable {
        @Override
        public void run() {
        }
    }

    @Test
    void aMistypedOptionIsOneLineWithTheNearNamesAndWhereTheHelpIs() {
        // given
        StringWriter err = new StringWriter();
        CommandLine commandLine = UsageErrors.oneLine(new CommandLine(new Tool())).setErr(new PrintWriter(err));
        // when
        int exitCode = commandLine.execute("--cont=3");
        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString().lines().findFirst()).contains("sensor-tool: Unknown option: '--cont=3'");
        assertThat(err.toString()).contains("--count")
                .contains("Try 'sensor-tool --help' for the options and exit codes.")
                .doesNotContain("Usage:");
    }

    @Test
    void aSubcommandsBadArgumentPointsAtTheSubcommandsHelp() {
        // given
        StringWriter err = new StringWriter();
        CommandLine commandLine = UsageErrors.oneLine(new CommandLine(new Tool())).setErr(new PrintWriter(err));
        // when
        int exitCode = commandLine.execute("sub", "--nope");
        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).startsWith("sensor-tool: Unknown option: '--nope'")
                .contains("Try 'sensor-tool sub --help'");
    }
}

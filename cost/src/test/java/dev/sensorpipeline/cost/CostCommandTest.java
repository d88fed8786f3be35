package dev.sensorpipeline.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class CostCommandTest {

    private static final Path PRICES = Path.of(System.getProperty("sensorpipeline.root", ".."))
            .resolve("infra/prices-us-east-1.json");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--prices")) {
            all.addAll(List.of("--prices", PRICES.toString()));
        }
        CommandLine command = CostCommand.commandLine(new CostCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(all.toArray(String[]::new));
    }

    private double total() {
        List<String> lines = out.toString().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertThat(lines.get(lines.size() - 2)).matches("book's design: total \\d+\\.\\d\\d per month");
        assertThat(last).matches("total \\d+\\.\\d\\d per month");
        return Double.parseDouble(last.split(" ")[1]);
    }

    @Test
    void cost_printsEveryServicesLine_andEndsWithTheTotal() {
        // when
        int exit = run("--readings-per-second", "1000");

        // then
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("prices: us-east-1 list prices of ", CostModel.SHARD_HOURS,
                CostModel.PUT_UNITS, CostModel.INVOCATIONS, CostModel.GB_SECONDS, CostModel.WRITE_UNITS,
                CostModel.STORAGE, CostModel.LOGS, CostModel.METRICS, "book's design");
        assertThat(total()).isPositive();
    }

    @Test
    void cost_scalesEveryPrice_byTheFactorGivenForAnotherRegion() {
        // given
        run("--readings-per-second", "1000");
        double usEast1 = total();
        out.getBuffer().setLength(0);

        // when
        int exit = run("--readings-per-second", "1000", "--region", "eu-west-1", "--price-factor", "2");

        // then
        assertThat(exit).as(err.toString()).isZero();
        assertThat(total()).isCloseTo(2 * usEast1, within(0.02));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--sensors 100                                  | Missing required option: '--readings-per-second=R'",
        "--readings-per-second 0                        | readings per second must be more than 0",
        "--readings-per-second many                     | Invalid value for option '--readings-per-second'",
        "--readings-per-second 100 --sensors 0          | sensors must be 1 or more",
        "--readings-per-second 100 --ttl-days 0         | TTL days must be 1 to 36500",
        "--readings-per-second 100 --region eu-west-1   | for eu-west-1 give --price-factor F",
        "--readings-per-second 100 --price-factor 1.1   | --price-factor is for regions other than us-east-1",
        "--readings-per-second 100 --bogus              | Unknown option: '--bogus'",
        "--readings-per-secnd 100                       | Unknown option: '--readings-per-secnd'",
    })
    void cost_exits2WithTheReason_whenTheArgumentsAreWrong(String args, String reason) {
        // when
        int exit = run(args.trim().split(" +"));

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(reason);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void cost_answersABadArgumentInOneLine_pointingToTheHelp() {
        // when
        int exit = run("--readings-per-second", "100", "--bogus");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly("cost: Unknown option: '--bogus'; see --help");
    }

    @Test
    void cost_exits1NamingTheFile_whenThePricesCannotBeRead() {
        // when
        int exit = run("--readings-per-second", "100", "--prices", "/nonexistent/prices.json");

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("cannot read the prices", "/nonexistent/prices.json");
    }
}

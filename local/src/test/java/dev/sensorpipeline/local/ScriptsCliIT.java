package dev.sensorpipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every script in scripts/ as a command line, found by listing the folder so that a new one cannot be left out:
 * {@code --help} prints its usage and starts nothing; a flag without its value, or an unknown one, is named in one
 * line and exit 2, before anything is built or started.
 */
class ScriptsCliIT {

    /** An option in a usage text followed by its value's name: {@code --count N}, {@code --state-dir=DIR}. */
    private static final Pattern VALUE_OPTION = Pattern.compile("(--[a-z][a-z-]*)[ =]([A-Z][A-Z_]*)\\b");

    @TempDir
    Path temp;

    /** The names of scripts/*.sh. */
    static Stream<String> scripts() throws IOException {
        try (Stream<Path> files = Files.list(ProjectFiles.resolve("scripts"))) {
            List<String> scripts = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".sh"))
                    .sorted().toList();
            assertThat(scripts).as("scripts/*.sh").isNotEmpty();
            return scripts.stream();
        }
    }

    private ScriptShell.Run run(String script, String... args) throws Exception {
        return new ScriptShell(temp).run(ProjectFiles.root(), ProjectFiles.resolve("scripts/" + script), args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void help_printsTheUsageToStdout_exits0_andStartsNothing(String script) throws Exception {
        // when
        ScriptShell.Run run = run(script, "--help");

        // then
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).as("usage").contains("scripts/" + script);
        assertThat(run.stderr()).isEmpty();
        assertThat(run.started()).as("tools started").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void unknownFlag_isNamedInOneLine_andExits2_startingNothing(String script) throws Exception {
        // when
        ScriptShell.Run run = run(script, "--no-such-option");

        // then
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stderrLines()).singleElement().asString()
                .contains("'--no-such-option'", "see --help");
        assertThat(run.started()).as("tools started").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> flagWithoutItsValue_isNamedInOneLine_andExits2_startingNothing() throws Exception {
        // given: every option that takes a value, as each script's --help shows it
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> found = new LinkedHashSet<>();
        for (String script : scripts().toList()) {
            for (String option : valueOptions(run(script, "--help").stdout())) {
                found.add(script + " " + option);
                tests.add(DynamicTest.dynamicTest(script + " " + option, () -> {
                    // when
                    ScriptShell.Run run = run(script, option);

                    // then
                    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
                    assertThat(run.stderrLines()).singleElement().asString()
                            .contains(option + " needs a value", "see --help");
                    assertThat(run.started()).as("tools started").isEmpty();
                }));
            }
        }
        assertThat(found).as("options found in the usage texts")
                .contains("soak.sh --count", "bench-cold-start.sh --baseline", "run-local.sh --state-dir",
                        "cost.sh --readings-per-second");
        return tests.stream();
    }

    private static Set<String> valueOptions(String usage) {
        Set<String> options = new LinkedHashSet<>();
        Matcher matcher = VALUE_OPTION.matcher(usage);
        while (matcher.find()) {
            options.add(matcher.group(1));
        }
        return options;
    }

    @Test
    void invoke_onALocalEndpoint_refusesWithExit3_pointingToInvokeLocal() throws Exception {
        // given
        ScriptShell shell = new ScriptShell(temp).with("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")
                .with("AWS_REGION", "us-east-1");

        // when
        ScriptShell.Run run = shell.run(ProjectFiles.root(), ProjectFiles.resolve("scripts/invoke.sh"),
                "test-payloads/book-single-record.json");

        // then
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(3);
        assertThat(run.stderr()).contains("local endpoint",
                "scripts/invoke-local.sh test-payloads/book-single-record.json");
        assertThat(run.started()).as("tools started").isEmpty();
    }
}

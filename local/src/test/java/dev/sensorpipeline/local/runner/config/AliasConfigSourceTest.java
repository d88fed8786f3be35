package dev.sensorpipeline.local.runner.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.local.runner.base.Console;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AliasConfigSourceTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    private final List<String> configurationsFetched = new ArrayList<>();

    private static FunctionConfiguration version(String version) {
        return new FunctionConfiguration("f", "arn:aws:lambda:us-east-1:123456789012:function:f:" + version, "java21",
                "H::handleRequest", "role", Duration.ofSeconds(60), 1024, Map.of(), version, "2026-12-03", "sha");
    }

    private AliasConfigSource source(Deque<String> aliasVersions) {
        return new AliasConfigSource("live", version("1"), () -> {
            String next = aliasVersions.poll();
            if (next == null) {
                throw new IllegalStateException("endpoint down");
            }
            return next;
        }, v -> {
            configurationsFetched.add(v);
            return version(v);
        }, console);
    }

    @Test
    void get_givesTheVersionTheAliasPointsAtNow_fetchingItsConfigurationOnlyWhenItChanged() {
        // given
        AliasConfigSource source = source(new ArrayDeque<>(List.of("1", "1", "2", "2")));

        // when
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            versions.add(source.get().versionOrLatest());
        }

        // then
        assertThat(versions).containsExactly("1", "1", "2", "2");
        assertThat(configurationsFetched).containsExactly("2");
    }

    @Test
    void get_keepsTheLastVersionKnown_andWarnsOnce_whenTheAliasCannotBeRead() {
        // given
        AliasConfigSource source = source(new ArrayDeque<>());

        // when
        source.get();
        FunctionConfiguration second = source.get();

        // then
        assertThat(second.versionOrLatest()).isEqualTo("1");
        assertThat(err.toString(StandardCharsets.UTF_8)).containsOnlyOnce("cannot read the alias live");
    }
}

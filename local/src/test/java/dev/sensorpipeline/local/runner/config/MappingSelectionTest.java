package dev.sensorpipeline.local.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.sensorpipeline.local.runner.base.Console;
import dev.sensorpipeline.local.runner.base.SetupException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MappingSelectionTest {

    private static final String INGEST = "arn:aws:lambda:us-east-1:123456789012:function:sensor-ingest";

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    private static EventSourceMapping mapping(String uuid, String functionArn, String state) {
        return new EventSourceMapping(uuid, "arn:aws:kinesis:us-east-1:123456789012:stream/" + uuid, functionArn,
                state, 100, Duration.ZERO, "LATEST", null, true, true, -1, null, 1, Instant.EPOCH, null,
                List.of(), List.of());
    }

    private static EventSourceMapping mapping(String uuid, String functionArn) {
        return mapping(uuid, functionArn, "Enabled");
    }

    @Test
    void choose_invokesTheAlias_whenTheFunctionsMappingIsOnAnAlias() {
        // given
        EventSourceMapping onAlias = mapping("m1", INGEST + ":live");

        // when
        MappingSelection selection = MappingSelection.choose("sensor-ingest", null, "$LATEST", List.of(onAlias),
                console);

        // then
        assertThat(selection.invokedFunctionArn()).isEqualTo(INGEST + ":live");
        assertThat(selection.mappings()).containsExactly(onAlias);
    }

    @Test
    void choose_readsEveryMapping_whenTheyAllInvokeTheSameQualifier() {
        // given
        EventSourceMapping first = mapping("m1", INGEST + ":live");
        EventSourceMapping second = mapping("m2", INGEST + ":live");

        // when
        MappingSelection selection = MappingSelection.choose("sensor-ingest", null, "$LATEST",
                List.of(first, second), console);

        // then
        assertThat(selection.mappings()).containsExactly(first, second);
    }

    @Test
    void choose_fails_namingEachQualifierAndHowToChoose_whenTheEnabledMappingsInvokeDifferentOnes() {
        // given
        List<EventSourceMapping> mappings = List.of(mapping("m1", INGEST + ":live"), mapping("m2", INGEST),
                mapping("m3", INGEST + ":live"));

        // when / then
        assertThatThrownBy(() -> MappingSelection.choose("sensor-ingest", null, "$LATEST", mappings, console))
                .isInstanceOf(SetupException.class)
                .hasMessageContaining("invoke 2 different versions or aliases")
                .hasMessageContaining("sensor-ingest:live (mappings m1, m3), sensor-ingest (mapping m2)")
                .hasMessageContaining("--function-name sensor-ingest:live or 'sensor-ingest:$LATEST'");
    }

    @Test
    void choose_takesTheUnqualifiedArnAndLatestForOne() {
        // given
        List<EventSourceMapping> mappings = List.of(mapping("m1", INGEST), mapping("m2", INGEST + ":$LATEST"));

        // when
        MappingSelection selection = MappingSelection.choose("sensor-ingest", null, "$LATEST", mappings, console);

        // then
        assertThat(selection.mappings()).hasSize(2);
        assertThat(selection.invokedFunctionArn()).isEqualTo(INGEST);
    }

    @Test
    void choose_leavesOutDisabledMappings_whenTheyInvokeAnotherQualifier() {
        // given
        EventSourceMapping onAlias = mapping("m1", INGEST + ":live");
        EventSourceMapping disabled = mapping("m2", INGEST, "Disabled");

        // when
        MappingSelection selection = MappingSelection.choose("sensor-ingest", null, "$LATEST",
                List.of(onAlias, disabled), console);

        // then
        assertThat(selection.mappings()).containsExactly(onAlias);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("mapping m2 is Disabled; not reading it");
    }

    @Test
    void choose_fails_namingAMappingToEnable_whenEveryMappingIsDisabled() {
        // given
        List<EventSourceMapping> mappings = List.of(mapping("m1", INGEST + ":live", "Disabled"));

        // when / then
        assertThatThrownBy(() -> MappingSelection.choose("sensor-ingest", null, "$LATEST", mappings, console))
                .isInstanceOf(SetupException.class)
                .hasMessage("every Kinesis event source mapping of 'sensor-ingest' is disabled: enable one with"
                        + " aws lambda update-event-source-mapping --enabled --uuid m1");
    }

    /** Mappings and the one chosen from them, given sensor-ingest:live, an alias pointing at version 3. */
    static Stream<Arguments> mappingsGivenAnAlias() {
        EventSourceMapping onAlias = mapping("m1", INGEST + ":live");
        EventSourceMapping onVersion = mapping("m1", INGEST + ":3");
        return Stream.of(
                arguments(named("only the mappings of the qualifier given",
                        List.of(onAlias, mapping("m2", INGEST))), onAlias, INGEST + ":live"),
                arguments(named("a mapping on the version the alias points at, as moto records one made on an alias",
                        List.of(onVersion, mapping("m2", INGEST + ":2"))), onVersion, INGEST + ":3"),
                arguments(named("the alias's mappings rather than those of the version it points at",
                        List.of(onAlias, mapping("m2", INGEST + ":3"))), onAlias, INGEST + ":live"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappingsGivenAnAlias")
    void choose_takesTheMappingsOfTheAliasGiven_elseThoseOfTheVersionItPointsAt(List<EventSourceMapping> mappings,
                                                                               EventSourceMapping chosen,
                                                                               String invokedFunctionArn) {
        // given the mappings

        // when
        MappingSelection selection = MappingSelection.choose("sensor-ingest", "live", "3", mappings, console);

        // then
        assertThat(selection.mappings()).containsExactly(chosen);
        assertThat(selection.invokedFunctionArn()).isEqualTo(invokedFunctionArn);
    }

    @Test
    void choose_readsTheMappingsOfTheVersionGiven() {
        // given
        EventSourceMapping onVersion = mapping("m1", INGEST + ":1");
        EventSourceMapping onAlias = mapping("m2", INGEST + ":live");

        // when
        MappingSelection selection = MappingSelection.choose("sensor-ingest", "1", "1", List.of(onVersion, onAlias),
                console);

        // then
        assertThat(selection.mappings()).containsExactly(onVersion);
    }

    @Test
    void choose_readsTheUnqualifiedMappings_whenGivenLatest() {
        // given
        EventSourceMapping onAlias = mapping("m1", INGEST + ":live");
        EventSourceMapping unqualified = mapping("m2", INGEST);

        // when
        MappingSelection selection = MappingSelection.choose("sensor-ingest", "$LATEST", "$LATEST",
                List.of(onAlias, unqualified), console);

        // then
        assertThat(selection.mappings()).containsExactly(unqualified);
    }

    @Test
    void choose_fails_namingWhatTheMappingsInvoke_whenNoneInvokesTheQualifierGiven() {
        // given
        List<EventSourceMapping> mappings = List.of(mapping("m1", INGEST + ":2"));

        // when / then
        assertThatThrownBy(() -> MappingSelection.choose("sensor-ingest", "live", "3", mappings, console))
                .isInstanceOf(SetupException.class)
                .hasMessage("no Kinesis event source mapping of 'sensor-ingest' invokes 'sensor-ingest:live' (now"
                        + " version 3); its mappings invoke sensor-ingest:2 (mapping m1). Name one of those with"
                        + " --function-name, or the function alone to read them all");
    }
}

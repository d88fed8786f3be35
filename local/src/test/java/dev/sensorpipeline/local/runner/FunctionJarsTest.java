package dev.sensorpipeline.local.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sensorpipeline.local.runner.base.SetupException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionJarsTest {

    private static final List<String> SCRIPT_JARS = List.of("sensor-ingest=lambda/target/sensor-ingest-lambda.jar",
            "sensor-alerts=alerts/target/sensor-alerts-lambda.jar");

    @Test
    void forEvery_givesEachFunctionItsNamedJar() {
        // given
        FunctionJars jars = FunctionJars.parse(SCRIPT_JARS);

        // when / then
        assertThat(jars.forEvery("sensor-ingest")).isEqualTo(Path.of("lambda/target/sensor-ingest-lambda.jar"));
        assertThat(jars.forEvery("sensor-alerts")).isEqualTo(Path.of("alerts/target/sensor-alerts-lambda.jar"));
    }

    @Test
    void forEvery_failsNamingTheOptionToPass_forAFunctionWithoutAJar() {
        // given
        FunctionJars jars = FunctionJars.parse(SCRIPT_JARS);

        // when / then
        assertThatThrownBy(() -> jars.forEvery("other"))
                .isInstanceOf(SetupException.class)
                .hasMessageContaining("--function-jar other=JAR");
    }

    @Test
    void forEvery_fallsBackToThePlainJar() {
        // given
        FunctionJars jars = FunctionJars.parse(List.of("sensor-ingest=ingest.jar", "/tmp/test.jar"));

        // when / then
        assertThat(jars.forEvery("other")).isEqualTo(Path.of("/tmp/test.jar"));
        assertThat(jars.forEvery("sensor-ingest")).isEqualTo(Path.of("ingest.jar"));
    }

    @Test
    void forChosen_prefersThePlainJar_thenTheNamedOne_thenTheIngestJar() {
        // given
        FunctionJars withPlain = FunctionJars.parse(List.of("sensor-ingest=ingest.jar", "test.jar"));
        FunctionJars named = FunctionJars.parse(SCRIPT_JARS);

        // when / then
        assertThat(withPlain.forChosen("sensor-ingest")).isEqualTo(Path.of("test.jar"));
        assertThat(named.forChosen("sensor-alerts")).isEqualTo(Path.of("alerts/target/sensor-alerts-lambda.jar"));
        assertThat(named.forChosen("ingest-latest")).isEqualTo(FunctionJars.DEFAULT_JAR);
        assertThat(FunctionJars.parse(null).forChosen("x")).isEqualTo(FunctionJars.DEFAULT_JAR);
    }

    @Test
    void parse_takesAPathWithAnEqualsSignButNoFunctionNameBeforeIt_asAPlainJar() {
        // when
        FunctionJars jars = FunctionJars.parse(List.of("/tmp/a=b/test.jar"));

        // then
        assertThat(jars.plain()).isEqualTo(Path.of("/tmp/a=b/test.jar"));
        assertThat(jars.named()).isEmpty();
    }
}

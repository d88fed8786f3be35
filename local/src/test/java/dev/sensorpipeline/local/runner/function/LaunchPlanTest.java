package dev.sensorpipeline.local.runner.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.local.runner.config.FunctionConfiguration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchPlanTest {

    private final LaunchPlan plan = new LaunchPlan(Path.of("/usr/bin/java"), List.of(Path.of("/runtime/ric.jar")),
            Path.of("/state/libaws-lambda-jni.so"), Path.of("/state/task"), Path.of("/runtime"),
            Map.of("AWS_REGION", "us-east-1"));

    private static FunctionConfiguration function(String version) {
        return new FunctionConfiguration("sensor-ingest",
                "arn:aws:lambda:us-east-1:123456789012:function:sensor-ingest:" + version, "java21",
                "dev.example.Handler::handleRequest", "arn:aws:iam::123456789012:role/r", Duration.ofSeconds(60),
                1024, Map.of("TABLE_NAME", "SensorData"), version, "2026-11-29T00:00:00Z", "sha");
    }

    @Test
    void environment_namesThePublishedVersionRun_inTheVersionVariableAndTheLogStream() {
        // when
        Map<String, String> environment = plan.environment(function("2"), "127.0.0.1:9001");

        // then
        assertThat(environment).containsEntry("AWS_LAMBDA_FUNCTION_NAME", "sensor-ingest")
                .containsEntry("AWS_LAMBDA_FUNCTION_VERSION", "2")
                .containsEntry("TABLE_NAME", "SensorData");
        assertThat(environment.get("AWS_LAMBDA_LOG_STREAM_NAME")).matches("\\d{4}/\\d{2}/\\d{2}/\\[2][0-9a-f]{32}");
    }

    @Test
    void environment_namesLatest_whenTheConfigurationHasNoVersion() {
        // when
        Map<String, String> environment = plan.environment(function(null), "127.0.0.1:9001");

        // then
        assertThat(environment).containsEntry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        assertThat(environment.get("AWS_LAMBDA_LOG_STREAM_NAME")).contains("/[$LATEST]");
    }
}

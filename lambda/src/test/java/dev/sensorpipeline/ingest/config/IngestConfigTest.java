package dev.sensorpipeline.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sensorpipeline.model.config.ConfigurationException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngestConfigTest {

    @Test
    void fromEnvironment_usesTheBooksTableNames_whenNoneAreSet() {
        // when
        IngestConfig config = IngestConfig.fromEnvironment(Map.of("AWS_REGION", "eu-west-1"));

        // then
        assertThat(config.tableName()).isEqualTo("SensorData");
        assertThat(config.rejectsTableName()).isEqualTo("SensorDataRejects");
        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.readingTtl()).isEmpty();
    }

    @Test
    void fromEnvironment_readsEverySetting() {
        // given
        Map<String, String> env = Map.of("AWS_DEFAULT_REGION", "us-west-2", "TABLE_NAME", "Readings",
                "REJECTS_TABLE_NAME", "Readings.Rejects", "READING_TTL_DAYS", "30", "WRITE_PARALLELISM", "4",
                "WRITE_MAX_ATTEMPTS", "3", "DEADLINE_MARGIN_MS", "250", "AWS_LAMBDA_FUNCTION_NAME", "ingest-dev");

        // when
        IngestConfig config = IngestConfig.fromEnvironment(env);

        // then
        assertThat(config).isEqualTo(new IngestConfig("us-west-2", "Readings", "Readings.Rejects",
                Optional.of(Duration.ofDays(30)), 4, 3, Duration.ofMillis(250), "ingest-dev", true, true));
    }

    @ParameterizedTest(name = "AWS_LAMBDA_INITIALIZATION_TYPE={0}")
    @CsvSource(value = {"NULL, true", "on-demand, true", "provisioned-concurrency, false", "snap-start, false"},
            nullValues = "NULL")
    void fromEnvironment_buildsInBackgroundOnlyWhenInitIsOnTheRequestPath(String initializationType,
                                                                           boolean inBackground) {
        // given
        Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", "us-east-1"));
        if (initializationType != null) {
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", initializationType);
        }

        // when
        IngestConfig config = IngestConfig.fromEnvironment(env);

        // then
        assertThat(config.buildInBackground()).isEqualTo(inBackground);
    }

    @Test
    void fromEnvironment_namesTheSetting_whenTtlDaysIsNotANumber() {
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("AWS_REGION", "us-east-1",
                "READING_TTL_DAYS", "thirty")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("READING_TTL_DAYS='thirty' is not a whole number: set it to a number from 1 to 36500,"
                        + " or unset it");
    }

    @Test
    void fromEnvironment_namesTheSetting_whenTheRegionIsMissing() {
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("AWS_REGION is not set");
    }

    @Test
    void fromEnvironment_namesTheSetting_whenATableNameIsInvalid() {
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("AWS_REGION", "us-east-1",
                "TABLE_NAME", "sensor data!")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("TABLE_NAME='sensor data!' is not a DynamoDB table name");
    }

    @Test
    void fromEnvironment_namesTheSetting_whenTheTableCheckIsNeitherTrueNorFalse() {
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("AWS_REGION", "us-east-1",
                "CHECK_TABLES_AT_START", "sometimes")))
                .hasMessage("CHECK_TABLES_AT_START='sometimes' is not true or false: set it to true or false, or unset it");
    }

    @Test
    void fromEnvironment_namesTheSetting_whenParallelismIsOutOfRange() {
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("AWS_REGION", "us-east-1",
                "WRITE_PARALLELISM", "0")))
                .hasMessageStartingWith("WRITE_PARALLELISM=0 is out of range");
    }
}

package dev.sensorpipeline.producer.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.producer.delivery.SinkFailure;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

class SdkFailuresTest {

    private static final StreamTarget TARGET = new StreamTarget("temperature-sensor-data", "us-east-1",
            "http://127.0.0.1:5000");

    @Test
    void aMissingStream_isAConfigurationProblem_namingTheStreamAndWhere() {
        // given
        ResourceNotFoundException missing = ResourceNotFoundException.builder().statusCode(400)
                .awsErrorDetails(details("ResourceNotFoundException", "Stream not found")).build();

        // when
        SinkFailure failure = SdkFailures.classify(missing, TARGET);

        // then
        assertThat(failure.kind()).isEqualTo(SinkFailure.Kind.CONFIGURATION);
        assertThat(failure.getMessage()).startsWith("stream 'temperature-sensor-data' not found in us-east-1 at "
                + "http://127.0.0.1:5000");
    }

    @Test
    void throttling_isWorthAnotherTry() {
        // given
        ProvisionedThroughputExceededException throttled = ProvisionedThroughputExceededException.builder()
                .statusCode(400).awsErrorDetails(details("ProvisionedThroughputExceededException", "Rate exceeded"))
                .build();

        // when
        SinkFailure failure = SdkFailures.classify(throttled, TARGET);

        // then
        assertThat(failure.kind()).isEqualTo(SinkFailure.Kind.RETRYABLE);
        assertThat(failure.errorCode()).isEqualTo("ProvisionedThroughputExceededException");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
            // refused credentials are a configuration problem
            "UnrecognizedClientException | The security token is invalid | CONFIGURATION | refused our credentials",
            // an invalid request is fatal
            "ValidationException         | 1 validation error            | FATAL         | refused the call"})
    void aRefusedCall_isClassifiedByItsErrorCode_andSaysWhatKinesisSaid(String code, String message,
            SinkFailure.Kind kind, String explanation) {
        // given
        KinesisException refused = (KinesisException) KinesisException.builder().statusCode(400)
                .awsErrorDetails(details(code, message)).build();

        // when
        SinkFailure failure = SdkFailures.classify(refused, TARGET);

        // then
        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.getMessage()).contains(explanation, code, message);
    }

    @Test
    void aLostConnection_andATimeout_areWorthAnotherTry() {
        // given
        SdkClientException refusedConnection = SdkClientException.builder().message("Unable to execute HTTP request")
                .cause(new ConnectException("Connection refused")).build();
        ApiCallTimeoutException timeout = ApiCallTimeoutException.create(40_000);

        // when
        SinkFailure lost = SdkFailures.classify(refusedConnection, TARGET);
        SinkFailure late = SdkFailures.classify(timeout, TARGET);

        // then
        assertThat(lost.kind()).isEqualTo(SinkFailure.Kind.RETRYABLE);
        assertThat(lost.getMessage()).isEqualTo("cannot reach Kinesis in us-east-1 at http://127.0.0.1:5000: "
                + "Connection refused");
        assertThat(late.kind()).isEqualTo(SinkFailure.Kind.RETRYABLE);
    }

    private static AwsErrorDetails details(String code, String message) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).build();
    }
}

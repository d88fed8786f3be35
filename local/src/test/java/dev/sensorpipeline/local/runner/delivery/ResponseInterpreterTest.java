package dev.sensorpipeline.local.runner.delivery;

import static dev.sensorpipeline.local.runner.stream.Records.numbered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.local.runner.function.FunctionResult;
import dev.sensorpipeline.local.runner.stream.StreamRecord;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResponseInterpreterTest {

    private static final Segment BATCH = Segment.of(numbered(10, 5));
    private static final ResponseInterpreter REPORTING = new ResponseInterpreter(true);

    private static FunctionResult response(String json) {
        return new FunctionResult.Response(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"batchItemFailures\":[]}", "{\"batchItemFailures\":null}", "{}", "null", "",
            "\"done\"", "not json"})
    void interpret_isSuccess_whenNoFailureIsReported(String body) {
        // when
        BatchOutcome outcome = REPORTING.interpret(response(body), BATCH);

        // then
        assertThat(outcome).isInstanceOf(BatchOutcome.Success.class);
    }

    @Test
    void interpret_resumesAtTheLowestReportedSequenceNumber_inAnyOrder() {
        // when
        BatchOutcome outcome = REPORTING.interpret(response(
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"13\"},{\"itemIdentifier\":\"11\"}]}"), BATCH);

        // then
        assertThat(outcome).isEqualTo(new BatchOutcome.PartialFailure("11"));
    }

    @Test
    void interpret_comparesSequenceNumbersAsNumbers_notAsText() {
        // given
        BigInteger base = new BigInteger("49656138346014374315573628195263025741183727427425746946");
        Segment batch = Segment.of(List.of(record(base.toString()), record(base.add(BigInteger.TEN).toString()),
                record("9" + base.toString().substring(1)), record(base.multiply(BigInteger.TEN).toString())));
        String low = base.add(BigInteger.TEN).toString();
        String high = base.multiply(BigInteger.TEN).toString();

        // when
        BatchOutcome outcome = REPORTING.interpret(response("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + high
                + "\"},{\"itemIdentifier\":\"" + low + "\"}]}"), batch);

        // then
        assertThat(outcome).isEqualTo(new BatchOutcome.PartialFailure(low));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"99\"}]}",
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
        "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}",
        "{\"batchItemFailures\":[{\"sequenceNumber\":\"11\"}]}",
        "{\"batchItemFailures\":\"11\"}"})
    void interpret_failsTheWholeBatch_whenAFailureNamesNoRecordOfIt(String body) {
        // when
        BatchOutcome outcome = REPORTING.interpret(response(body), BATCH);

        // then
        assertThat(outcome).isInstanceOf(BatchOutcome.Failure.class);
    }

    @Test
    void interpret_isSuccessWhateverTheResponseSays_whenTheMappingDoesNotReportBatchItemFailures() {
        // when
        BatchOutcome outcome = new ResponseInterpreter(false).interpret(
                response("{\"batchItemFailures\":[{\"itemIdentifier\":\"11\"}]}"), BATCH);

        // then
        assertThat(outcome).isInstanceOf(BatchOutcome.Success.class);
    }

    @Test
    void interpret_failsTheWholeBatch_whenTheFunctionFailed() {
        // when
        BatchOutcome outcome = REPORTING.interpret(new FunctionResult.Error("Sandbox.Timedout", "Task timed out"),
                BATCH);

        // then
        assertThat(outcome).isEqualTo(new BatchOutcome.Failure("Sandbox.Timedout: Task timed out"));
    }

    private static StreamRecord record(String sequenceNumber) {
        return new StreamRecord(sequenceNumber, "k", new byte[0], Instant.EPOCH);
    }
}

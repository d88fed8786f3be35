package dev.sensorpipeline.local.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvocationTest {

    private static final List<String> BATCH = List.of("9", "10", "11");

    @Test
    void stillFailing_isNone_whenTheResponseNamesNoFailure() {
        // when / then
        assertThat(new Invocation(false, "{\"batchItemFailures\":[]}").stillFailing(BATCH)).isEmpty();
    }

    @Test
    void stillFailing_isWhatTheResponseNames() {
        // given
        Invocation invocation = new Invocation(false, "{\"batchItemFailures\":[{\"itemIdentifier\":\"10\"}]}");

        // when / then
        assertThat(invocation.stillFailing(BATCH)).containsExactly("10");
    }

    @Test
    void stillFailing_isTheWholeBatch_afterAFunctionError() {
        // given
        Invocation invocation = new Invocation(true, "{\"errorMessage\":\"boom\",\"errorType\":\"X\"}");

        // when / then
        assertThat(invocation.stillFailing(BATCH)).containsExactlyElementsOf(BATCH);
    }

    @Test
    void stillFailing_isTheWholeBatch_whenAFailureNamesNoRecordOfIt_asLambdaTreatsIt() {
        // given
        Invocation invocation = new Invocation(false, "{\"batchItemFailures\":[{\"itemIdentifier\":\"12\"}]}");

        // when / then
        assertThat(invocation.stillFailing(BATCH)).containsExactlyElementsOf(BATCH);
    }

    @Test
    void stillFailing_isTheWholeBatch_whenTheResponseIsNotJson() {
        // when / then
        assertThat(new Invocation(false, "Task timed out").stillFailing(BATCH)).containsExactlyElementsOf(BATCH);
    }
}

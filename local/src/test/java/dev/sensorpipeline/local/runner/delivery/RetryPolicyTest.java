package dev.sensorpipeline.local.runner.delivery;

import static dev.sensorpipeline.local.runner.stream.Records.numbered;
import static dev.sensorpipeline.local.runner.stream.Records.sequenceNumbers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final BatchOutcome FAILED = new BatchOutcome.Failure("Unhandled: boom");

    @Test
    void next_checkpointsTheLastRecord_whenTheBatchSucceeded() {
        // given
        Segment batch = Segment.of(numbered(1, 5));

        // when
        Step step = new RetryPolicy(true, 10).next(batch, new BatchOutcome.Success());

        // then
        assertThat(step.checkpointAfter()).isEqualTo("5");
        assertThat(step.acknowledged()).isEqualTo(5);
        assertThat(step.next()).isEmpty();
        assertThat(step.discarded()).isEmpty();
    }

    @Test
    void next_checkpointsBeforeTheLowestFailure_andResendsFromIt_whenItemsFailed() {
        // given
        Segment batch = Segment.of(numbered(1, 5));

        // when
        Step step = new RetryPolicy(false, 10).next(batch, new BatchOutcome.PartialFailure("3"));

        // then
        assertThat(step.checkpointAfter()).isEqualTo("2");
        assertThat(step.acknowledged()).isEqualTo(2);
        assertThat(step.next()).singleElement().satisfies(rest -> {
            assertThat(sequenceNumbers(rest.records())).containsExactly("3", "4", "5");
            assertThat(rest.retries()).isEqualTo(1);
        });
    }

    @Test
    void next_movesNoCheckpoint_whenTheFirstRecordFailed() {
        // given
        Segment batch = Segment.of(numbered(1, 3));

        // when
        Step step = new RetryPolicy(false, 10).next(batch, new BatchOutcome.PartialFailure("1"));

        // then
        assertThat(step.checkpointAfter()).isNull();
        assertThat(sequenceNumbers(step.next().get(0).records())).containsExactly("1", "2", "3");
    }

    @Test
    void next_splitsTheBatchInTwo_withoutCountingARetry_whenItFailedAndBisectIsOn() {
        // given
        Segment batch = new Segment(numbered(1, 5), 2);

        // when
        Step step = new RetryPolicy(true, 10).next(batch, FAILED);

        // then
        assertThat(step.checkpointAfter()).isNull();
        assertThat(step.next()).hasSize(2);
        assertThat(sequenceNumbers(step.next().get(0).records())).containsExactly("1", "2", "3");
        assertThat(sequenceNumbers(step.next().get(1).records())).containsExactly("4", "5");
        assertThat(step.next()).allSatisfy(half -> assertThat(half.retries()).isEqualTo(2));
    }

    @Test
    void next_sendsTheSameRecordsAgain_countingARetry_whenBisectIsOff() {
        // given
        Segment batch = Segment.of(numbered(1, 4));

        // when
        Step step = new RetryPolicy(false, 10).next(batch, FAILED);

        // then
        assertThat(step.next()).singleElement().satisfies(again -> {
            assertThat(sequenceNumbers(again.records())).containsExactly("1", "2", "3", "4");
            assertThat(again.retries()).isEqualTo(1);
        });
    }

    @Test
    void next_retriesASingleRecord_whenItFailedAndBisectIsOn() {
        // given
        Segment record = Segment.of(numbered(7, 1));

        // when
        Step step = new RetryPolicy(true, 10).next(record, FAILED);

        // then
        assertThat(step.next()).singleElement().satisfies(again -> assertThat(again.retries()).isEqualTo(1));
    }

    @Test
    void next_discardsAndCheckpoints_whenTheRetriesRanOut() {
        // given
        Segment lastTry = new Segment(numbered(7, 2), 2);

        // when
        Step step = new RetryPolicy(false, 2).next(lastTry, FAILED);

        // then
        assertThat(sequenceNumbers(step.discarded())).containsExactly("7", "8");
        assertThat(step.checkpointAfter()).isEqualTo("8");
        assertThat(step.next()).isEmpty();
    }

    @Test
    void next_discardsOnlyTheFailedRest_whenItemsKeepFailingAfterTheLastRetry() {
        // given
        Segment lastTry = new Segment(numbered(1, 4), 1);

        // when
        Step step = new RetryPolicy(false, 1).next(lastTry, new BatchOutcome.PartialFailure("3"));

        // then
        assertThat(step.acknowledged()).isEqualTo(2);
        assertThat(sequenceNumbers(step.discarded())).containsExactly("3", "4");
        assertThat(step.checkpointAfter()).isEqualTo("4");
    }

    @Test
    void next_neverDiscards_whenRetriesAreUnlimited() {
        // given
        Segment often = new Segment(numbered(1, 1), 100_000);

        // when
        Step step = new RetryPolicy(false, -1).next(often, FAILED);

        // then
        assertThat(step.discarded()).isEmpty();
        assertThat(step.next()).singleElement().satisfies(again -> assertThat(again.retries()).isEqualTo(100_001));
    }

    @Test
    void next_discardsAtOnce_whenNoRetryIsAllowed() {
        // given
        Segment first = Segment.of(numbered(1, 1));

        // when
        Step step = new RetryPolicy(false, 0).next(first, FAILED);

        // then
        assertThat(sequenceNumbers(step.discarded())).containsExactly("1");
    }
}

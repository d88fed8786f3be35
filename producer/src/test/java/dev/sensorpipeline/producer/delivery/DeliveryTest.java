package dev.sensorpipeline.producer.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.model.retry.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
    private static final double HALF = 0.5;

    private final FakeTime time = new FakeTime();
    private final StopSignal stop = new StopSignal();
    private final LiveCounts counts = new LiveCounts();

    @Test
    void deliver_sendsEveryEntryInFullCalls_whenNothingIsRefused() {
        // given
        ScriptedSink sink = new ScriptedSink(BatchLimits.PUT_RECORDS);

        // when
        DeliveryReport report = delivery(sink, 10, 0).deliver(Entries.of(1234, 13).iterator());

        // then
        assertThat(sink.calls()).extracting(List::size).containsExactly(500, 500, 234);
        assertThat(report.outcome()).isEqualTo(DeliveryReport.Outcome.COMPLETE);
        assertThat(report.accepted()).isEqualTo(1234);
        assertThat(report.allDelivered()).isTrue();
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void deliver_retriesARefusedEntry_untilTheStreamAcceptsIt() {
        // given
        ScriptedSink sink = new ScriptedSink(BatchLimits.PUT_RECORDS).refuse(3, 2);

        // when
        DeliveryReport report = delivery(sink, 10, 0).deliver(Entries.of(10, 2).iterator());

        // then
        assertThat(sink.calls()).containsExactly(positions(0, 10), List.of(3L), List.of(3L));
        assertThat(sink.accepted()).containsExactlyInAnyOrderElementsOf(positions(0, 10));
        assertThat(report.allDelivered()).isTrue();
        assertThat(report.retried()).isEqualTo(2);
        assertThat(report.refusalsByCode()).isEqualTo(Map.of("ProvisionedThroughputExceededException", 2L));
    }

    @Test
    void deliver_sendsARefusedEntryBeforeAnyLaterReading() {
        // given
        ScriptedSink sink = new ScriptedSink(BatchLimits.PUT_RECORDS).refuse(42, 1);

        // when
        delivery(sink, 10, 0).deliver(Entries.of(1000, 13).iterator());

        // then
        List<Long> expectedSecondCall = new ArrayList<>(List.of(42L));
        expectedSecondCall.addAll(positions(500, 999));
        assertThat(sink.calls()).containsExactly(positions(0, 500), expectedSecondCall, List.of(999L));
    }

    @Test
    void deliver_waitsBeforeEachRetry_forABackoffThatGrowsWithTheEntrysRefusals() {
        // given
        ScriptedSink sink = new ScriptedSink(BatchLimits.PUT_RECORDS).refuse(0, 3);

        // when
        delivery(sink, 10, 0).deliver(Entries.of(1, 1).iterator());

        // then: half of 100, 200, 400 ms, as the jitter draws 0.5
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMillis(200));
    }

    @Test
    void deliver_givesUpOnAnEntry_afterTheLastRetry_andStillDeliversTheRest() {
        // given
        ScriptedSink sink = new ScriptedSink(BatchLimits.PUT_RECORDS).refuse(5, 100);

        // when
        DeliveryReport report = delivery(sink, 2, 0).deliver(Entries.of(20, 4).iterator());

        // then
        assertThat(sink.calls()).hasSize(3);
        assertThat(report.outcome()).isEqualTo(DeliveryReport.Outcome.COMPLETE);
        assertThat(report.accepted()).isEqualTo(19);
        assertThat(report.gaveUp()).isEqualTo(1);
        assertThat(report.notDelivered()).isEqualTo(1);
        assertThat(report.firstNotDelivered().currentTime()).isEqualTo(1_764_374_405L);
        assertThat(counts.snapshot().failed()).isEqualTo(1);
    }

    @Test
    void deliver_countsARetryableCallFailure_asARefusalOfEveryEntry() {
        // given
        ScriptedSink sink = new ScriptedSink(BatchLimits.PUT_RECORDS).failCall(1, () -> new SinkFailure(
                SinkFailure.Kind.RETRYABLE, "SocketTimeoutException", "read timed out", null));

        // when
        DeliveryReport report = delivery(sink, 10, 0).deliver(Entries.of(300, 3).iterator());

        // then
        assertThat(sink.calls()).containsExactly(positions(0, 300), positions(0, 300));
        assertThat(report.allDelivered()).isTrue();
        assertThat(report.retried()).isEqualTo(300);
        assertThat(report.refusalsByCode()).isEqualTo(Map.of("SocketTimeoutException", 300L));
    }

    @Test
    void deliver_stopsAndCountsTheCallsEntriesAsNotDelivered_whenTheCallFailsForGood() {
        // given
        ScriptedSink sink = new ScriptedSink(BatchLimits.PUT_RECORDS).failCall(2, () -> new SinkFailure(
                SinkFailure.Kind.CONFIGURATION, "ResourceNotFoundException", "stream 'x' not found", null));

        // when
        DeliveryReport report = delivery(sink, 10, 0).deliver(Entries.of(1000, 3).iterator());

        // then
        assertThat(report.outcome()).isEqualTo(DeliveryReport.Outcome.FAILED);
        assertThat(report.failure().kind()).isEqualTo(SinkFailure.Kind.CONFIGURATION);
        assertThat(report.accepted()).isEqualTo(500);
        assertThat(report.notDelivered()).isEqualTo(500);
        assertThat(report.firstNotDelivered().currentTime()).isEqualTo(1_764_374_400L + 500);
    }

    @Test
    void deliver_finishesTheCallInFlight_thenStops_andReportsWhatWasRefused() {
        // given: the stop request arrives while the second call is in flight
        ScriptedSink sink = new ScriptedSink(BatchLimits.PUT_RECORDS).refuse(600, 1);
        sink.onCall(() -> {
            if (sink.calls().size() == 2) {
                stop.requestStop();
            }
        });

        // when
        DeliveryReport report = delivery(sink, 10, 0).deliver(Entries.of(5000, 13).iterator());

        // then
        assertThat(report.outcome()).isEqualTo(DeliveryReport.Outcome.STOPPED);
        assertThat(sink.calls()).hasSize(2);
        assertThat(report.taken()).isEqualTo(1000);
        assertThat(report.accepted()).isEqualTo(999).isEqualTo(sink.accepted().size());
        assertThat(report.pending()).isEqualTo(1);
        assertThat(report.firstNotDelivered().currentTime()).isEqualTo(1_764_374_400L + 600);
    }

    @Test
    void deliver_releasesEntriesAtTheRate() {
        // given
        ScriptedSink sink = new ScriptedSink(BatchLimits.PUT_RECORDS);

        // when
        DeliveryReport report = delivery(sink, 10, 100).deliver(Entries.of(300, 3).iterator());

        // then: the 300th entry is due 2.99 s after the first
        assertThat(report.accepted()).isEqualTo(300);
        assertThat(time.slept()).isEqualTo(Duration.ofMillis(2990));
    }

    @Test
    void deliver_catchesUpInLargerCalls_whenCallsAreSlowerThanTheRate() {
        // given: every call takes 100 ms, in which ten entries come due at 100 a second
        ScriptedSink sink = new ScriptedSink(BatchLimits.PUT_RECORDS)
                .onCall(() -> time.advance(Duration.ofMillis(100)));

        // when
        DeliveryReport report = delivery(sink, 10, 100).deliver(Entries.of(300, 3).iterator());

        // then
        assertThat(report.accepted()).isEqualTo(300);
        assertThat(sink.calls().size()).isBetween(30, 32);
    }

    @Test
    void deliver_sendsOneRecordPerCall_underPutRecordsLimitsOfOne() {
        // given
        ScriptedSink sink = new ScriptedSink(BatchLimits.PUT_RECORD);

        // when
        DeliveryReport report = delivery(sink, 10, 0).deliver(Entries.of(5, 1).iterator());

        // then
        assertThat(sink.calls()).containsExactly(List.of(0L), List.of(1L), List.of(2L), List.of(3L), List.of(4L));
        assertThat(report.calls()).isEqualTo(5);
    }

    @Test
    void deliver_keepsEachCallWithinFiveMebibytes() {
        // given: a million bytes an entry, so five fit in 5 MiB and six do not
        List<PutEntry> entries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            entries.add(Entries.sized(i, "sensor-1", 1_000_000));
        }
        ScriptedSink sink = new ScriptedSink(BatchLimits.PUT_RECORDS);

        // when
        delivery(sink, 10, 0).deliver(entries.iterator());

        // then
        assertThat(sink.calls()).extracting(List::size).containsExactly(5, 5, 2);
    }

    @Test
    void deliver_keepsCountsForTheProgressLine() {
        // given
        ScriptedSink sink = new ScriptedSink(BatchLimits.PUT_RECORDS).refuse(1, 1).refuse(2, 1);

        // when
        delivery(sink, 10, 0).deliver(Entries.of(700, 7).iterator());

        // then
        assertThat(counts.snapshot()).isEqualTo(new LiveCounts.Snapshot(700, 700, 2, 0, 2));
    }

    private Delivery delivery(RecordSink sink, int maxRetries, double rate) {
        return Delivery.to(sink, new DeliveryPolicy(maxRetries, BACKOFF, rate)).sleeper(time).nanoTime(time)
                .jitter(() -> HALF).stopRequested(stop::isStopRequested).counts(counts).build();
    }

    private static List<Long> positions(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }
}

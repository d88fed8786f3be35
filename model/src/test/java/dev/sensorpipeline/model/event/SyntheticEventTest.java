package dev.sensorpipeline.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The made-up parts of an offline event: what Kinesis would have added, deterministically. */
class SyntheticEventTest {

    @Test
    void add_givesIncreasing56DigitSequenceNumbers_andEventIdsOfShardAndSequence() {
        // given
        SyntheticEvent event = new SyntheticEvent();

        // when
        List<EventRecord> records = List.of(event.add("a", "1"), event.add("b", "2"), event.add("c", "3"));

        // then
        BigInteger previous = BigInteger.ZERO;
        for (EventRecord record : records) {
            assertThat(record.sequenceNumber()).hasSize(56).containsOnlyDigits();
            assertThat(new BigInteger(record.sequenceNumber())).isGreaterThan(previous);
            previous = new BigInteger(record.sequenceNumber());
            assertThat(record.eventId()).isEqualTo(SyntheticEvent.SHARD_ID + ":" + record.sequenceNumber());
        }
    }

    @Test
    void add_spacesArrivals10MillisecondsApart_fromTheFirst() {
        // given
        Instant first = Instant.ofEpochSecond(1428537600L);
        SyntheticEvent event = new SyntheticEvent(first);

        // when
        event.add("a", "1");
        event.add("b", "2");
        EventRecord third = event.add("c", "3");

        // then
        assertThat(third.approximateArrival()).isEqualTo(first.plus(Duration.ofMillis(20)));
    }

    @Test
    void toJson_writesArrivalsAsSecondsWithMilliseconds_asLambdaDoes() {
        // given
        SyntheticEvent event = new SyntheticEvent(Instant.ofEpochMilli(1545084650987L));
        event.add("a", "1");

        // when
        String json = event.toJson();

        // then
        assertThat(json).contains("\"approximateArrivalTimestamp\" : 1545084650.987",
                "\"eventSourceARN\" : \"arn:aws:kinesis:us-east-1:123456789012:stream/temperature-sensor-data\"",
                "\"data\" : \"MQ==\"");
    }

    @Test
    void records_areTheSameEveryTime_forTheSameAdds() {
        // given
        SyntheticEvent first = new SyntheticEvent();
        SyntheticEvent second = new SyntheticEvent();

        // when
        first.add("k", "same");
        second.add("k", "same");

        // then
        assertThat(first.toJson()).isEqualTo(second.toJson());
    }
}

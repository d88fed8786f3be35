package dev.sensorpipeline.producer.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.producer.delivery.DeliveryReport;
import dev.sensorpipeline.producer.delivery.DeliveryReport.Outcome;
import dev.sensorpipeline.producer.delivery.SinkFailure;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SummaryTest {

    private static final Summary.Facts FACTS = new Summary.Facts("temperature-sensor-data", 2, "PutRecords", 10, 7);
    private static final SensorReading READING = SensorReading.of("sensor-3", 1_764_374_412L, BigDecimal.TEN);

    @Test
    void aCompleteRun_saysWhatWasDelivered_inOneLine() {
        // given
        DeliveryReport report = new DeliveryReport(Outcome.COMPLETE, 5000, 5000, 0, 0, 0, 10, Map.of(),
                Set.of("shardId-000000000000", "shardId-000000000001"), null, null, Duration.ofSeconds(2),
                DeliveryReport.Records.NONE);

        // when
        String line = Summary.of(report, FACTS);

        // then
        assertThat(line).isEqualTo("delivered 5000 readings to stream 'temperature-sensor-data' in 10 PutRecords "
                + "calls over 2 of 2 shards in 2.00 s (2500 readings/s); 0 entries retried; seed 7");
    }

    @Test
    void aRunThatGaveUp_leadsWithHowManyWereNotDelivered_andTheFirstOfThem() {
        // given
        DeliveryReport report = new DeliveryReport(Outcome.COMPLETE, 5000, 4963, 37, 0, 400, 14,
                Map.of("ProvisionedThroughputExceededException", 407L), Set.of("shardId-000000000000"), READING,
                null, Duration.ofSeconds(20), DeliveryReport.Records.NONE);

        // when
        String line = Summary.of(report, FACTS);

        // then
        assertThat(line).startsWith("NOT DELIVERED: 37 of 5000 readings, still refused after 10 retries "
                + "(first: sensor-3 at 1764374412); delivered 4963 readings")
                .contains("refusals: ProvisionedThroughputExceededException 407");
    }

    @Test
    void anInterruptedRun_saysWhatKinesisAccepted_andWhatItDidNot() {
        // given
        DeliveryReport report = new DeliveryReport(Outcome.STOPPED, 1000, 999, 0, 1, 0, 2,
                Map.of("InternalFailure", 1L), Set.of("shardId-000000000001"), READING, null,
                Duration.ofSeconds(1), DeliveryReport.Records.NONE);

        // when
        String line = Summary.of(report, FACTS);

        // then
        assertThat(line).startsWith("interrupted: Kinesis accepted 999 readings")
                .contains("NOT delivered: 1 readings taken but refused (first: sensor-3 at 1764374412)");
    }

    @Test
    void aFailedRun_givesTheReason() {
        // given
        SinkFailure failure = new SinkFailure(SinkFailure.Kind.FATAL, "ValidationException", "Kinesis refused "
                + "the call", null);
        DeliveryReport report = new DeliveryReport(Outcome.FAILED, 1000, 500, 0, 500, 0, 2, Map.of(),
                Set.of("shardId-000000000001"), READING, failure, Duration.ofSeconds(1), DeliveryReport.Records.NONE);

        // when
        String line = Summary.of(report, FACTS);

        // then
        assertThat(line).startsWith("stopped: Kinesis refused the call. Kinesis accepted 500 readings")
                .contains("NOT delivered: 500 readings taken (first: sensor-3 at 1764374412)");
    }

    @Test
    void anAggregatedRun_saysHowManyRecordsCarriedTheReadings_andTheirPayloadUnits() {
        // given
        DeliveryReport report = new DeliveryReport(Outcome.COMPLETE, 5000, 5000, 0, 0, 1, 1, Map.of(),
                Set.of("shardId-000000000000", "shardId-000000000001"), null, null, Duration.ofSeconds(2),
                new DeliveryReport.Records(17, 412_000, 17));
        Summary.Facts facts = new Summary.Facts("temperature-sensor-data", 2, "PutRecords", 10, 7, true);

        // when
        String line = Summary.of(report, facts);

        // then
        assertThat(line).isEqualTo("delivered 5000 readings in 17 records (412000 bytes, 17 PUT payload units) to "
                + "stream 'temperature-sensor-data' in 1 PutRecords calls over 2 of 2 shards in 2.00 s "
                + "(2500 readings/s); 1 records retried; seed 7");
    }
}

package dev.sensorpipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.sensorpipeline.ingest.store.RejectItemMapper;
import dev.sensorpipeline.ingest.store.StoredItems;
import dev.sensorpipeline.model.ReadingKey;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.model.event.EventRecord;
import dev.sensorpipeline.testkit.FaultInjectingProxy;
import dev.sensorpipeline.testkit.FaultPlan;
import dev.sensorpipeline.testkit.FaultStats;
import dev.sensorpipeline.testkit.SensorTablesOnMoto;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The function against moto behind a proxy that throttles, half-writes and fails DynamoDB as AWS does and moto
 * never does: every reading still lands, and what cannot land is reported for Lambda to retry.
 */
class IngestUnderFaultsIT {

    @RegisterExtension
    static final SensorTablesOnMoto TABLES = new SensorTablesOnMoto();
    private FaultInjectingProxy proxy;

    @AfterEach
    void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    private IngestHandler handlerBehind(FaultPlan plan) {
        proxy = FaultInjectingProxy.start(TABLES.endpoint(), plan);
        return IngestHandlerIT.handlerAgainst(proxy.endpoint());
    }

    private Map<ReadingKey, SensorReading> storedReadings() {
        return TABLES.dynamoDb().scanPaginator(ScanRequest.builder().tableName("SensorData").build()).items().stream()
                .map(StoredItems::readingOf).collect(Collectors.toMap(SensorReading::key, r -> r));
    }

    private Set<String> storedRejectIds() {
        return TABLES.dynamoDb().scanPaginator(ScanRequest.builder().tableName("SensorDataRejects").build()).items()
                .stream()
                .map(item -> item.get(RejectItemMapper.EVENT_ID).s()).collect(Collectors.toSet());
    }

    private void assertEverythingLanded(GeneratedBatch batch) {
        Map<ReadingKey, SensorReading> stored = storedReadings();
        assertThat(stored.keySet()).isEqualTo(batch.latestByKey.keySet());
        batch.latestByKey.forEach((key, expected) -> assertThat(stored.get(key).temperature())
                .isEqualByComparingTo(new BigDecimal(expected.temperature())));
        assertThat(storedRejectIds()).isEqualTo(batch.badByEventId.keySet());
    }

    @Test
    void handle_storesEveryReading_underThrottlingPartialWritesAndServerErrors() {
        // given
        GeneratedBatch batch = new GeneratedBatch(11, 600);
        IngestHandler handler = handlerBehind(FaultPlan.builder().seed(7)
                .throttleBatchWriteItem(0.2).failBatchWriteItem(0.1).leaveItemsUnprocessed(0.3).build());

        // when
        StreamsEventResponse response = handler.handleRequest(batch.load(), TestContext.withMinutesLeft(5));

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertEverythingLanded(batch);
        FaultStats.OperationStats writes = proxy.stats().dynamoDb("BatchWriteItem");
        assertThat(writes.throttled()).isPositive();
        assertThat(writes.failed()).isPositive();
        assertThat(writes.itemsLeftUnprocessed()).isPositive();
    }

    @Test
    void handle_reportsEveryRecord_whenDynamoDbIsDown_andStoresThemAllWhenLambdaRetries() {
        // given
        GeneratedBatch batch = new GeneratedBatch(12, 200);
        IngestHandler handler = handlerBehind(FaultPlan.builder().dynamoDbDown(true).build());
        KinesisEvent event = batch.load();
        Set<String> allSequenceNumbers = batch.event.records().stream().map(EventRecord::sequenceNumber)
                .collect(Collectors.toSet());

        // when
        StreamsEventResponse whileDown = handler.handleRequest(event, TestContext.withMinutesLeft(5));
        proxy.setPlan(FaultPlan.none());
        StreamsEventResponse retried = handler.handleRequest(batch.load(), TestContext.withMinutesLeft(5));

        // then
        assertThat(whileDown.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactlyInAnyOrderElementsOf(allSequenceNumbers.stream()
                        .filter(seq -> isReportedWhenEverythingFails(batch, seq)).toList());
        assertThat(retried.getBatchItemFailures()).isEmpty();
        assertEverythingLanded(batch);
    }

    /** Every record is reported but readings collapsed into a later one of the same key, which stands for them. */
    private static boolean isReportedWhenEverythingFails(GeneratedBatch batch, String sequenceNumber) {
        return batch.winningSequenceNumbers().contains(sequenceNumber)
                || batch.badByEventId.keySet().stream().anyMatch(id -> id.endsWith(":" + sequenceNumber));
    }
}

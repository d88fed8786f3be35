package dev.sensorpipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

class FaultInjectingProxyKinesisTest {

    private static final MotoServer MOTO = MotoServer.shared();

    private final UpstreamState upstream = new UpstreamState(MOTO);
    private final String stream = "readings-" + UUID.randomUUID();
    private FaultInjectingProxy proxy;
    private KinesisClient kinesis;

    @BeforeEach
    void startProxy() {
        proxy = FaultInjectingProxy.start(MOTO.endpoint(), FaultPlan.none());
        kinesis = NoRetryClients.kinesis(proxy.endpoint());
    }

    @AfterEach
    void stopProxy() {
        kinesis.close();
        proxy.close();
    }

    @Test
    void proxy_forwardsKinesisCallsUnchanged_withNoFaults() {
        // given
        List<PutRecordsRequestEntry> entries = entries(6);

        // when
        kinesis.createStream(r -> r.streamName(stream).shardCount(2));
        kinesis.waiter().waitUntilStreamExists(r -> r.streamName(stream));
        PutRecordsResponse response = kinesis.putRecords(r -> r.streamName(stream).records(entries));
        List<String> read = readThroughProxy();

        // then
        assertThat(response.failedRecordCount()).isZero();
        assertThat(response.records()).hasSize(6).allSatisfy(result -> assertThat(result.sequenceNumber()).isNotNull());
        assertThat(read).containsExactlyInAnyOrderElementsOf(data(entries));
        assertThat(proxy.stats().total().forwarded()).isEqualTo(proxy.stats().total().requests());
    }

    @Test
    void proxy_refusesAShareOfPutRecordsEntries_inRequestOrder() {
        // given
        upstream.createStream(stream, 2);
        List<PutRecordsRequestEntry> entries = entries(20);
        proxy.setPlan(FaultPlan.builder().seed(3).refusePutRecordsEntries(0.4).build());

        // when
        PutRecordsResponse response = kinesis.putRecords(r -> r.streamName(stream).records(entries));

        // then the response matches the request entry for entry, and only the accepted entries are in the stream
        List<Integer> refused = refusedIndexes(response);
        assertThat(response.records()).hasSize(entries.size());
        assertThat(refused).isNotEmpty().hasSizeLessThan(entries.size());
        assertThat(response.failedRecordCount()).isEqualTo(refused.size());
        assertThat(refused).allSatisfy(i -> {
            PutRecordsResultEntry result = response.records().get(i);
            assertThat(result.errorCode()).isEqualTo("ProvisionedThroughputExceededException");
            assertThat(result.errorMessage()).isEqualTo("Rate exceeded for shard shardId-000000000000 in stream "
                    + stream + " under account 123456789012.");
            assertThat(result.sequenceNumber()).isNull();
        });
        List<String> accepted = IntStream.range(0, entries.size()).filter(i -> !refused.contains(i))
                .mapToObj(i -> entries.get(i).data().asUtf8String()).toList();
        assertThat(upstream.records(stream)).containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(proxy.stats().kinesis("PutRecords").entriesRefused()).isEqualTo(refused.size());
    }

    @Test
    void proxy_refusesTheSameEntries_forTheSameSeed() {
        // given
        upstream.createStream(stream, 1);
        List<PutRecordsRequestEntry> entries = entries(20);
        FaultPlan plan = FaultPlan.builder().seed(11).refusePutRecordsEntries(0.5).build();

        // when
        List<Integer> first = refusedIndexesUnder(plan, entries);
        List<Integer> again = refusedIndexesUnder(plan, entries);
        List<Integer> otherSeed = refusedIndexesUnder(plan.toBuilder().seed(12).build(), entries);

        // then
        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void proxy_answersWithoutForwarding_whenEveryEntryIsRefused() {
        // given
        upstream.createStream(stream, 1);
        proxy.setPlan(FaultPlan.builder().refusePutRecordsEntries(1.0).build());

        // when
        PutRecordsResponse response = kinesis.putRecords(r -> r.streamName(stream).records(entries(4)));

        // then
        assertThat(response.failedRecordCount()).isEqualTo(4);
        assertThat(response.records()).extracting(PutRecordsResultEntry::errorCode)
                .containsOnly("ProvisionedThroughputExceededException").hasSize(4);
        assertThat(upstream.records(stream)).isEmpty();
        assertThat(proxy.stats().kinesis("PutRecords"))
                .isEqualTo(new FaultStats.OperationStats(1, 0, 0, 0, 0, 0, 4));
    }

    @Test
    void proxy_throttlesWholePutRecordsCalls() {
        // given
        upstream.createStream(stream, 1);
        proxy.setPlan(FaultPlan.builder().throttlePutRecords(1.0).build());

        // when
        ProvisionedThroughputExceededException thrown = catchThrowableOfType(
                ProvisionedThroughputExceededException.class,
                () -> kinesis.putRecords(r -> r.streamName(stream).records(entries(3))));

        // then
        assertThat(thrown.statusCode()).isEqualTo(400);
        assertThat(upstream.records(stream)).isEmpty();
    }

    @Test
    void proxy_throttlesGetRecords() {
        // given a stream holding a record
        upstream.createStream(stream, 1);
        kinesis.putRecords(r -> r.streamName(stream).records(entries(1)));
        String iterator = kinesis.getShardIterator(r -> r.streamName(stream).shardId("shardId-000000000000")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        proxy.setPlan(FaultPlan.builder().throttleGetRecords(1.0).build());

        // when
        ProvisionedThroughputExceededException thrown = catchThrowableOfType(
                ProvisionedThroughputExceededException.class,
                () -> kinesis.getRecords(r -> r.shardIterator(iterator)));

        // then
        assertThat(thrown.statusCode()).isEqualTo(400);
        assertThat(proxy.stats().kinesis("GetRecords"))
                .isEqualTo(new FaultStats.OperationStats(1, 0, 1, 0, 0, 0, 0));
    }

    private List<Integer> refusedIndexesUnder(FaultPlan plan, List<PutRecordsRequestEntry> entries) {
        try (FaultInjectingProxy fresh = FaultInjectingProxy.start(MOTO.endpoint(), plan);
             KinesisClient client = NoRetryClients.kinesis(fresh.endpoint())) {
            return refusedIndexes(client.putRecords(r -> r.streamName(stream).records(entries)));
        }
    }

    private static List<Integer> refusedIndexes(PutRecordsResponse response) {
        return IntStream.range(0, response.records().size())
                .filter(i -> response.records().get(i).errorCode() != null)
                .boxed()
                .toList();
    }

    /** Reads the stream through the proxy, as the tests of a consumer will. */
    private List<String> readThroughProxy() {
        List<String> read = new ArrayList<>();
        kinesis.listShards(r -> r.streamName(stream)).shards().forEach(shard -> {
            String iterator = kinesis.getShardIterator(r -> r.streamName(stream).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            kinesis.getRecords(r -> r.shardIterator(iterator)).records()
                    .forEach(record -> read.add(record.data().asUtf8String()));
        });
        return read;
    }

    private static List<PutRecordsRequestEntry> entries(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> PutRecordsRequestEntry.builder()
                        .partitionKey("sensor-" + i)
                        .data(SdkBytes.fromUtf8String("{\"sensor_id\":\"sensor-" + i + "\",\"temperature\":" + i + "}"))
                        .build())
                .toList();
    }

    private static List<String> data(List<PutRecordsRequestEntry> entries) {
        return entries.stream().map(entry -> entry.data().asUtf8String()).toList();
    }
}

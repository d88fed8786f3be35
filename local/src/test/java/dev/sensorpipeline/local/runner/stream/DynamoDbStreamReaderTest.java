package dev.sensorpipeline.local.runner.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sensorpipeline.local.runner.base.Console;
import dev.sensorpipeline.model.event.DynamodbChange;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.SequenceNumberRange;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class DynamoDbStreamReaderTest {

    private static final String STREAM_ARN =
            "arn:aws:dynamodb:us-east-1:123456789012:table/SensorData/stream/2026-12-04T00:00:00.000";

    /** A table's stream in memory: DescribeStream in pages of two shards, one GetRecords answer. */
    private static final class FakeStreams implements DynamoDbStreamsClient {
        final List<Shard> shards = new ArrayList<>();
        final List<DescribeStreamRequest> describes = new ArrayList<>();
        final List<GetShardIteratorRequest> iterators = new ArrayList<>();
        GetRecordsResponse records = GetRecordsResponse.builder().records(List.of()).nextShardIterator("next")
                .build();

        @Override
        public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
            describes.add(request);
            int from = 0;
            if (request.exclusiveStartShardId() != null) {
                while (!shards.get(from).shardId().equals(request.exclusiveStartShardId())) {
                    from++;
                }
                from++;
            }
            int to = Math.min(from + 2, shards.size());
            return DescribeStreamResponse.builder().streamDescription(StreamDescription.builder()
                    .streamArn(request.streamArn()).shards(shards.subList(from, to))
                    .lastEvaluatedShardId(to < shards.size() ? shards.get(to - 1).shardId() : null)
                    .build()).build();
        }

        @Override
        public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
            iterators.add(request);
            return GetShardIteratorResponse.builder().shardIterator("iterator-" + iterators.size()).build();
        }

        @Override
        public GetRecordsResponse getRecords(GetRecordsRequest request) {
            return records;
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    private final FakeStreams streams = new FakeStreams();
    private final DynamoDbStreamReader reader = new DynamoDbStreamReader(streams);

    private static Shard shard(String id, String parent, String ending) {
        return Shard.builder().shardId(id).parentShardId(parent)
                .sequenceNumberRange(SequenceNumberRange.builder().startingSequenceNumber("100")
                        .endingSequenceNumber(ending).build()).build();
    }

    @Test
    void listShards_followsDescribeStreamsPages_andKeepsEachShardsParent() {
        // given: five shards, two a page
        streams.shards.addAll(List.of(shard("shard-0", null, "199"), shard("shard-1", "shard-0", "299"),
                shard("shard-2", "shard-0", null), shard("shard-3", "shard-1", null), shard("shard-4", null, null)));

        // when
        List<ShardInfo> shards = reader.listShards(STREAM_ARN);

        // then
        assertThat(shards).extracting(ShardInfo::shardId)
                .containsExactly("shard-0", "shard-1", "shard-2", "shard-3", "shard-4");
        assertThat(shards.get(1)).isEqualTo(new ShardInfo("shard-1", "shard-0", null, "299"));
        assertThat(streams.describes).extracting(DescribeStreamRequest::exclusiveStartShardId)
                .containsExactly(null, "shard-1", "shard-3");
    }

    @Test
    void shardSupervisor_readsAParentShardToItsEnd_beforeItsChildren() throws Exception {
        // given: shard-0, closed, split into shard-1 and shard-2; pollers that end when told
        streams.shards.addAll(List.of(shard("shard-0", null, "199"), shard("shard-1", "shard-0", null),
                shard("shard-2", "shard-0", null)));
        List<String> started = new CopyOnWriteArrayList<>();
        CountDownLatch parentMayEnd = new CountDownLatch(1);
        CountDownLatch childrenStarted = new CountDownLatch(2);
        ShardSupervisor supervisor = new ShardSupervisor(STREAM_ARN, reader, shard -> poller(shard, started,
                parentMayEnd, childrenStarted), id -> false, quietConsole(), error -> { });

        // when
        supervisor.refresh();
        List<String> beforeTheParentEnded = List.copyOf(started);
        parentMayEnd.countDown();
        childrenStarted.await();

        // then
        assertThat(beforeTheParentEnded).containsExactly("shard-0");
        assertThat(started).containsExactlyInAnyOrder("shard-0", "shard-1", "shard-2");
        supervisor.stop();
    }

    @Test
    void iterator_asksForTheMappingsPosition_andRefusesAtTimestamp() {
        // when
        reader.iterator(STREAM_ARN, "shard-0", StartPosition.trimHorizon());
        reader.iterator(STREAM_ARN, "shard-0", StartPosition.latest());
        reader.iterator(STREAM_ARN, "shard-0", StartPosition.afterSequenceNumber("150"));

        // then
        assertThat(streams.iterators).extracting(GetShardIteratorRequest::shardIteratorTypeAsString)
                .containsExactly("TRIM_HORIZON", "LATEST", "AFTER_SEQUENCE_NUMBER");
        assertThat(streams.iterators.get(2).sequenceNumber()).isEqualTo("150");
        assertThatThrownBy(() -> reader.iterator(STREAM_ARN, "shard-0", StartPosition.atTimestamp(Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void read_givesEachChangeWithItsAttributesAsDynamodbJson() {
        // given
        Instant created = Instant.parse("2026-12-04T10:00:00Z");
        streams.records = GetRecordsResponse.builder().nextShardIterator("next").records(Record.builder()
                .eventID("e1").eventName("MODIFY").dynamodb(software.amazon.awssdk.services.dynamodb.model
                        .StreamRecord.builder()
                        .approximateCreationDateTime(created)
                        .keys(Map.of("SensorId", AttributeValue.fromS("sensor-1")))
                        .newImage(Map.of("SensorId", AttributeValue.fromS("sensor-1"),
                                "Temperature", AttributeValue.fromN("21.5"),
                                "Tags", AttributeValue.fromL(List.of(AttributeValue.fromBool(true),
                                        AttributeValue.fromNul(true)))))
                        .sequenceNumber("111").sizeBytes(26L).streamViewType("NEW_IMAGE").build())
                .build()).build();

        // when
        ReadResult read = reader.read(STREAM_ARN, "iterator", 100);

        // then
        DynamodbChange change = read.records().get(0).change();
        assertThat(change.eventId()).isEqualTo("e1");
        assertThat(change.eventName()).isEqualTo("MODIFY");
        assertThat(change.approximateCreationDateTime()).isEqualTo(created);
        assertThat(change.keys()).isEqualTo("{\"SensorId\":{\"S\":\"sensor-1\"}}");
        assertThat(change.newImage()).contains("\"Temperature\":{\"N\":\"21.5\"}")
                .contains("\"Tags\":{\"L\":[{\"BOOL\":true},{\"NULL\":true}]}");
        assertThat(change.oldImage()).isNull();
        assertThat(change.sequenceNumber()).isEqualTo("111");
        assertThat(read.records().get(0).sequenceNumber()).isEqualTo("111");
        assertThat(read.records().get(0).approximateArrival()).isEqualTo(created);
        assertThat(read.nextIterator()).isEqualTo("next");
        assertThat(read.caughtUp()).isTrue();
    }

    private static ShardSupervisor.Poller poller(ShardInfo shard, List<String> started, CountDownLatch parentMayEnd,
                                                 CountDownLatch childrenStarted) {
        started.add(shard.shardId());
        return new ShardSupervisor.Poller() {
            @Override
            public String shardId() {
                return shard.shardId();
            }

            @Override
            public ShardActivity activity() {
                return new ShardActivity(System::nanoTime);
            }

            @Override
            public void run() throws InterruptedException {
                if (shard.parents().isEmpty()) {
                    parentMayEnd.await();
                    return;
                }
                childrenStarted.countDown();
                new CountDownLatch(1).await();
            }
        };
    }

    private static Console quietConsole() {
        return new Console(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }
}

package dev.sensorpipeline.local.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.local.runner.stream.ReadResult;
import dev.sensorpipeline.local.runner.stream.ShardInfo;
import dev.sensorpipeline.local.runner.stream.StartPosition;
import dev.sensorpipeline.local.runner.stream.StreamReader;
import dev.sensorpipeline.local.runner.stream.StreamRecord;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamRangeTest {

    private static final String STREAM = "arn:aws:kinesis:us-east-1:123456789012:stream/s";
    private static final String SHARD = "shardId-000000000000";

    /** A shard answering the pages given, one per GetRecords, each page's iterator naming the next. */
    private static final class PagedShard implements StreamReader {

        private final List<List<StreamRecord>> pages;
        private final long lastPageBehind;
        final List<StartPosition> positions = new ArrayList<>();
        int reads;

        PagedShard(long lastPageBehind, List<List<StreamRecord>> pages) {
            this.pages = pages;
            this.lastPageBehind = lastPageBehind;
        }

        @Override
        public List<ShardInfo> listShards(String streamArn) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String iterator(String streamArn, String shardId, StartPosition position) {
            positions.add(position);
            return "0";
        }

        @Override
        public ReadResult read(String streamArn, String iterator, int limit) {
            reads++;
            int page = Integer.parseInt(iterator);
            boolean last = page == pages.size() - 1;
            return new ReadResult(pages.get(page), last ? null : Integer.toString(page + 1),
                    last ? lastPageBehind : 1000);
        }
    }

    private static StreamRecord record(long sequence) {
        return new StreamRecord(Long.toString(sequence), "k", new byte[0], Instant.EPOCH);
    }

    private static List<String> sequences(List<StreamRecord> records) {
        return records.stream().map(StreamRecord::sequenceNumber).toList();
    }

    @Test
    void read_followsTheIteratorThroughEmptyPages_andStopsAtTheFirstRecordPastTheEnd() {
        // given: the range 9..11 with empty pages between, compared as numbers ("10" < "9" as text)
        PagedShard shard = new PagedShard(0, List.of(List.of(record(9)), List.of(), List.of(),
                List.of(record(10), record(11), record(12)), List.of(record(13))));

        // when
        List<StreamRecord> records = new StreamRange(shard).read(STREAM, SHARD, BigInteger.valueOf(9),
                BigInteger.valueOf(11));

        // then
        assertThat(sequences(records)).containsExactly("9", "10", "11");
        assertThat(shard.reads).as("no page read past the end").isEqualTo(4);
        assertThat(shard.positions).containsExactly(
                new StartPosition(StartPosition.Type.AT_SEQUENCE_NUMBER, "9", null));
    }

    @Test
    void read_endsAtTheShardsTip_withWhatItHolds_whenTheRangeRunsPastIt() {
        // given
        PagedShard shard = new PagedShard(0, List.of(List.of(record(9)), List.of()));

        // when
        List<StreamRecord> records = new StreamRange(shard).read(STREAM, SHARD, BigInteger.valueOf(9),
                BigInteger.valueOf(20));

        // then
        assertThat(sequences(records)).containsExactly("9");
    }
}

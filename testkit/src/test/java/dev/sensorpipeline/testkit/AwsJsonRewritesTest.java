package dev.sensorpipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class AwsJsonRewritesTest {

    private static ObjectNode json(String text) {
        return AwsJsonRewrites.parseObject(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    private static BitSet bits(int... set) {
        BitSet bits = new BitSet();
        for (int bit : set) {
            bits.set(bit);
        }
        return bits;
    }

    @Test
    void splitBatchWrite_numbersWritesAcrossTables_andDropsATableLeftEmpty() {
        // given writes 0 and 1 in table a, 2 in table b
        ObjectNode request = json("{'RequestItems':{"
                + "'a':[{'PutRequest':{'Item':{'id':{'S':'1'}}}},{'DeleteRequest':{'Key':{'id':{'S':'2'}}}}],"
                + "'b':[{'PutRequest':{'Item':{'id':{'S':'3'}}}}]},'ReturnConsumedCapacity':'TOTAL'}");

        // when
        AwsJsonRewrites.BatchWriteSplit split = AwsJsonRewrites.splitBatchWrite(request, bits(1, 2));

        // then
        assertThat(split.forwarded()).isEqualTo(json("{'RequestItems':{"
                + "'a':[{'PutRequest':{'Item':{'id':{'S':'1'}}}}]},'ReturnConsumedCapacity':'TOTAL'}"));
        assertThat(split.withheld()).isEqualTo(json("{"
                + "'a':[{'DeleteRequest':{'Key':{'id':{'S':'2'}}}}],'b':[{'PutRequest':{'Item':{'id':{'S':'3'}}}}]}"));
        assertThat(split.count()).isEqualTo(2);
        assertThat(AwsJsonRewrites.countWriteRequests(request)).isEqualTo(3);
    }

    @Test
    void withUnprocessedItems_addsToWhatTheUpstreamLeftUnprocessed_andKeepsTheRest() {
        // given
        ObjectNode response = json("{'UnprocessedItems':{'a':[{'PutRequest':{'Item':{'id':{'S':'0'}}}}]},"
                + "'ConsumedCapacity':[{'TableName':'a','CapacityUnits':1.0}]}");
        ObjectNode withheld = json("{'a':[{'PutRequest':{'Item':{'id':{'S':'1'}}}}],"
                + "'b':[{'PutRequest':{'Item':{'id':{'S':'2'}}}}]}");

        // when
        ObjectNode merged = AwsJsonRewrites.withUnprocessedItems(response, withheld);

        // then
        assertThat(new String(AwsJsonRewrites.bytes(merged), StandardCharsets.UTF_8))
                .isEqualTo(("{'UnprocessedItems':{'a':[{'PutRequest':{'Item':{'id':{'S':'0'}}}},"
                        + "{'PutRequest':{'Item':{'id':{'S':'1'}}}}],'b':[{'PutRequest':{'Item':{'id':{'S':'2'}}}}]},"
                        + "'ConsumedCapacity':[{'TableName':'a','CapacityUnits':1.0}]}").replace('\'', '"'));
    }

    @Test
    void withRefusedEntries_keepsTheOriginalOrder_countsUpstreamFailures_andKeepsEncryptionType() {
        // given entries 0 and 2 of 4 refused, and the upstream failing one of the two it got
        ObjectNode upstream = json("{'FailedRecordCount':1,'Records':[{'SequenceNumber':'7','ShardId':'s-1'},"
                + "{'ErrorCode':'InternalFailure','ErrorMessage':'oops'}],'EncryptionType':'KMS'}");

        // when
        ObjectNode merged = AwsJsonRewrites.withRefusedEntries(upstream, 4, bits(0, 2), "Rate exceeded");

        // then
        assertThat(merged).isEqualTo(json("{'FailedRecordCount':3,'Records':["
                + "{'ErrorCode':'ProvisionedThroughputExceededException','ErrorMessage':'Rate exceeded'},"
                + "{'SequenceNumber':'7','ShardId':'s-1'},"
                + "{'ErrorCode':'ProvisionedThroughputExceededException','ErrorMessage':'Rate exceeded'},"
                + "{'ErrorCode':'InternalFailure','ErrorMessage':'oops'}],'EncryptionType':'KMS'}"));
    }

    @Test
    void withRefusedEntries_refusesToGuess_whenTheUpstreamAnsweredAnotherNumberOfEntries() {
        ObjectNode upstream = json("{'FailedRecordCount':0,'Records':[{'SequenceNumber':'7','ShardId':'s-1'}]}");

        assertThatIllegalStateException()
                .isThrownBy(() -> AwsJsonRewrites.withRefusedEntries(upstream, 4, bits(0), "Rate exceeded"))
                .withMessage("upstream answered 1 PutRecords results for 3 entries");
    }

    @Test
    void shardRateExceeded_namesTheStream_givenByName_orByArn() {
        assertThat(AwsJsonRewrites.shardRateExceeded(json("{'StreamName':'temperature-sensor-data'}")))
                .isEqualTo("Rate exceeded for shard shardId-000000000000 in stream temperature-sensor-data"
                        + " under account 123456789012.");
        assertThat(AwsJsonRewrites.shardRateExceeded(
                json("{'StreamARN':'arn:aws:kinesis:us-east-1:123456789012:stream/readings'}")))
                .contains("in stream readings under");
    }
}

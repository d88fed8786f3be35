package dev.sensorpipeline.local.runner.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lambda's event filtering on DynamoDB Streams records, operator by operator. */
class FilterCriteriaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A record of a table's stream as the event holds it. */
    private static JsonNode change(String eventName, String temperature, String site) {
        try {
            return JSON.readTree("{\"eventID\":\"1\",\"eventName\":\"" + eventName + "\",\"eventVersion\":\"1.1\","
                    + "\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",\"dynamodb\":{"
                    + "\"Keys\":{\"SensorId\":{\"S\":\"sensor-1\"}},\"NewImage\":{\"SensorId\":{\"S\":\"sensor-1\"},"
                    + "\"Temperature\":{\"N\":\"" + temperature + "\"}"
                    + (site == null ? "" : ",\"Site\":{\"S\":\"" + site + "\"}") + "},"
                    + "\"SequenceNumber\":\"111\",\"SizeBytes\":26,\"StreamViewType\":\"NEW_IMAGE\"},"
                    + "\"eventSourceARN\":\"arn:aws:dynamodb:us-east-1:1:table/T/stream/L\"}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean passes(String pattern, JsonNode record) {
        return FilterCriteria.of(List.of(pattern)).passes(record);
    }

    @Test
    void noFilters_letEveryRecordThrough() {
        // given / when / then
        assertThat(FilterCriteria.NONE.passes(change("REMOVE", "1", null))).isTrue();
    }

    @Test
    void exactMatch_passesTheListedValuesOnly() {
        // given
        String pattern = "{\"eventName\": [\"INSERT\", \"MODIFY\"]}";

        // when / then
        assertThat(passes(pattern, change("INSERT", "1", null))).isTrue();
        assertThat(passes(pattern, change("MODIFY", "1", null))).isTrue();
        assertThat(passes(pattern, change("REMOVE", "1", null))).isFalse();
    }

    @Test
    void nestedFields_areMatchedInsideTheRecord_andEveryFieldMustMatch() {
        // given
        String pattern = "{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"Site\": {\"S\": [\"roof\"]}}}}";

        // when / then
        assertThat(passes(pattern, change("INSERT", "1", "roof"))).isTrue();
        assertThat(passes(pattern, change("INSERT", "1", "cellar"))).isFalse();
        assertThat(passes(pattern, change("MODIFY", "1", "roof"))).isFalse();
    }

    @Test
    void prefix_passesStringsThatBeginSo() {
        // given
        String pattern = "{\"dynamodb\": {\"NewImage\": {\"Site\": {\"S\": [{\"prefix\": \"ro\"}]}}}}";

        // when / then
        assertThat(passes(pattern, change("INSERT", "1", "roof"))).isTrue();
        assertThat(passes(pattern, change("INSERT", "1", "cellar"))).isFalse();
    }

    @Test
    void suffixAndEqualsIgnoreCase_passTheStringsTheyName() {
        // given / when / then
        assertThat(passes("{\"dynamodb\": {\"NewImage\": {\"Site\": {\"S\": [{\"suffix\": \"of\"}]}}}}",
                change("INSERT", "1", "roof"))).isTrue();
        assertThat(passes("{\"dynamodb\": {\"NewImage\": {\"Site\": {\"S\": [{\"equals-ignore-case\": \"ROOF\"}]}}}}",
                change("INSERT", "1", "Roof"))).isTrue();
        assertThat(passes("{\"dynamodb\": {\"NewImage\": {\"Site\": {\"S\": [{\"suffix\": \"ar\"}]}}}}",
                change("INSERT", "1", "roof"))).isFalse();
    }

    @Test
    void numeric_comparesTheNumberDynamodbsNHolds_everyComparisonAtOnce() {
        // given
        String pattern = "{\"dynamodb\": {\"NewImage\": {\"Temperature\": {\"N\": [{\"numeric\": [\">\", 100, \"<=\","
                + " 120.5]}]}}}}";

        // when / then
        assertThat(passes(pattern, change("INSERT", "101.5", null))).isTrue();
        assertThat(passes(pattern, change("INSERT", "120.5", null))).isTrue();
        assertThat(passes(pattern, change("INSERT", "100", null))).isFalse();
        assertThat(passes(pattern, change("INSERT", "121", null))).isFalse();
    }

    @Test
    void numericEquals_matchesEqualNumbersWrittenDifferently() {
        // given / when / then
        assertThat(passes("{\"dynamodb\": {\"SizeBytes\": [{\"numeric\": [\"=\", 26.0]}]}}",
                change("INSERT", "1", null))).isTrue();
        assertThat(passes("{\"dynamodb\": {\"SizeBytes\": [26]}}", change("INSERT", "1", null))).isTrue();
        assertThat(passes("{\"dynamodb\": {\"SizeBytes\": [27]}}", change("INSERT", "1", null))).isFalse();
    }

    @Test
    void exists_passesOnWhetherTheFieldIsThere() {
        // given
        String there = "{\"dynamodb\": {\"NewImage\": {\"Site\": [{\"exists\": true}]}}}";
        String notThere = "{\"dynamodb\": {\"NewImage\": {\"Site\": [{\"exists\": false}]}}}";

        // when / then
        assertThat(passes(there, change("INSERT", "1", "roof"))).isTrue();
        assertThat(passes(there, change("INSERT", "1", null))).isFalse();
        assertThat(passes(notThere, change("INSERT", "1", null))).isTrue();
        assertThat(passes(notThere, change("INSERT", "1", "roof"))).isFalse();
    }

    @Test
    void anythingBut_passesEveryOtherValue_butNotAMissingField() {
        // given
        String pattern = "{\"eventName\": [{\"anything-but\": [\"REMOVE\"]}]}";
        String notRoofish = "{\"dynamodb\": {\"NewImage\": {\"Site\": {\"S\": [{\"anything-but\": {\"prefix\":"
                + " \"ro\"}}]}}}}";

        // when / then
        assertThat(passes(pattern, change("INSERT", "1", null))).isTrue();
        assertThat(passes(pattern, change("REMOVE", "1", null))).isFalse();
        assertThat(passes("{\"eventName\": [{\"anything-but\": \"REMOVE\"}]}", change("REMOVE", "1", null)))
                .isFalse();
        assertThat(passes(notRoofish, change("INSERT", "1", "cellar"))).isTrue();
        assertThat(passes(notRoofish, change("INSERT", "1", "roof"))).isFalse();
        assertThat(passes(notRoofish, change("INSERT", "1", null))).isFalse();
    }

    @Test
    void or_insideAPattern_passesWhenEitherAlternativeMatches() {
        // given
        String pattern = "{\"$or\": [{\"eventName\": [\"INSERT\"]}, {\"dynamodb\": {\"NewImage\": {\"Site\":"
                + " {\"S\": [\"roof\"]}}}}]}";

        // when / then
        assertThat(passes(pattern, change("INSERT", "1", null))).isTrue();
        assertThat(passes(pattern, change("MODIFY", "1", "roof"))).isTrue();
        assertThat(passes(pattern, change("MODIFY", "1", "cellar"))).isFalse();
    }

    @Test
    void severalFilters_passARecordAnyOneOfThemMatches() {
        // given
        FilterCriteria criteria = FilterCriteria.of(List.of("{\"eventName\": [\"INSERT\"]}",
                "{\"dynamodb\": {\"NewImage\": {\"Temperature\": {\"N\": [{\"numeric\": [\">\", 100]}]}}}}"));

        // when / then
        assertThat(criteria.passes(change("INSERT", "1", null))).isTrue();
        assertThat(criteria.passes(change("MODIFY", "101", null))).isTrue();
        assertThat(criteria.passes(change("MODIFY", "99", null))).isFalse();
    }

    @Test
    void aPatternNoFieldOfTheRecordMatches_dropsIt() {
        // given / when / then
        assertThat(passes("{\"eventSource\": [\"aws:kinesis\"]}", change("INSERT", "1", null))).isFalse();
        assertThat(passes("{\"dynamodb\": {\"NoSuch\": [\"x\"]}}", change("INSERT", "1", null))).isFalse();
    }

    @Test
    void of_refusesAPatternLambdaWouldRefuse_namingIt() {
        // given / when / then
        assertThatThrownBy(() -> FilterCriteria.of(List.of("{\"eventName\": \"INSERT\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{\"eventName\": \"INSERT\"}")
                .hasMessageContaining("non-empty list");
        assertThatThrownBy(() -> FilterCriteria.of(List.of("{\"eventName\": [{\"wildcard\": \"I*\"}]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> FilterCriteria.of(List.of("not json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
    }
}

package dev.sensorpipeline.local.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FunctionArnTest {

    private static final String INGEST = "arn:aws:lambda:us-east-1:123456789012:function:sensor-ingest";

    @Test
    void parse_splitsAnAliasArnIntoItsParts() {
        // when
        FunctionArn arn = FunctionArn.parse(INGEST + ":live");

        // then
        assertThat(arn).isEqualTo(new FunctionArn("aws", "us-east-1", "123456789012", "sensor-ingest", "live"));
        assertThat(arn.toString()).isEqualTo(INGEST + ":live");
    }

    @Test
    void parse_takesAnUnqualifiedArn_asInvokingLatest() {
        // when
        FunctionArn arn = FunctionArn.parse(INGEST);

        // then
        assertThat(arn.qualifier()).isNull();
        assertThat(arn.qualifierOrLatest()).isEqualTo("$LATEST");
        assertThat(arn.shortName()).isEqualTo("sensor-ingest");
    }

    @Test
    void isSameFunctionAs_holds_forTheUnqualifiedArnAndItsVersionsAndAliases() {
        // given
        FunctionArn function = FunctionArn.parse(INGEST);

        // then
        assertThat(FunctionArn.parse(INGEST + ":live").isSameFunctionAs(function)).isTrue();
        assertThat(FunctionArn.parse(INGEST + ":2").isSameFunctionAs(function)).isTrue();
        assertThat(FunctionArn.parse(INGEST + ":$LATEST").isSameFunctionAs(function)).isTrue();
    }

    @Test
    void isSameFunctionAs_fails_forAFunctionWhoseNameStartsWithTheOthers() {
        // given
        FunctionArn function = FunctionArn.parse(INGEST);

        // then
        assertThat(FunctionArn.parse(INGEST + "-baseline").isSameFunctionAs(function)).isFalse();
        assertThat(FunctionArn.parse(INGEST + "-baseline:live").isSameFunctionAs(function)).isFalse();
    }

    @Test
    void isSameFunctionAs_fails_inAnotherAccountOrRegion() {
        // given
        FunctionArn function = FunctionArn.parse(INGEST);

        // then
        assertThat(FunctionArn.parse("arn:aws:lambda:us-east-1:210987654321:function:sensor-ingest")
                .isSameFunctionAs(function)).isFalse();
        assertThat(FunctionArn.parse("arn:aws:lambda:eu-west-1:123456789012:function:sensor-ingest")
                .isSameFunctionAs(function)).isFalse();
    }

    @Test
    void unqualified_dropsTheQualifier() {
        // when
        FunctionArn unqualified = FunctionArn.parse(INGEST + ":7").unqualified();

        // then
        assertThat(unqualified.toString()).isEqualTo(INGEST);
    }

    @Test
    void parse_refusesWhatIsNotAFunctionsArn() {
        // then
        assertThat(FunctionArn.tryParse("arn:aws:kinesis:us-east-1:123456789012:stream/sensor-ingest")).isEmpty();
        assertThat(FunctionArn.tryParse("arn:aws:lambda:us-east-1:123456789012:layer:sensor-ingest:1")).isEmpty();
        assertThat(FunctionArn.tryParse(INGEST + ":live:extra")).isEmpty();
        assertThat(FunctionArn.tryParse(null)).isEmpty();
        assertThatThrownBy(() -> FunctionArn.parse("sensor-ingest")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sensor-ingest");
    }

    @Test
    void isAlias_holdsForANamedQualifier_notForAVersionNumberOrLatestOrNone() {
        // when / then
        assertThat(FunctionArn.isAlias("live")).isTrue();
        assertThat(FunctionArn.isAlias("12")).isFalse();
        assertThat(FunctionArn.isAlias(FunctionArn.LATEST)).isFalse();
        assertThat(FunctionArn.isAlias(null)).isFalse();
    }
}

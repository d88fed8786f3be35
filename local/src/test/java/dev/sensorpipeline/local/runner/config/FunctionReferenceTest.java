package dev.sensorpipeline.local.runner.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunctionReferenceTest {

    private static final String INGEST = "arn:aws:lambda:us-east-1:123456789012:function:sensor-ingest";

    @Test
    void parse_takesAPlainName_unqualified() {
        // when
        FunctionReference reference = FunctionReference.parse("sensor-ingest");

        // then
        assertThat(reference).isEqualTo(new FunctionReference("sensor-ingest", null));
        assertThat(reference.isQualified()).isFalse();
    }

    @Test
    void parse_splitsTheAliasOrVersionFromAName() {
        // then
        assertThat(FunctionReference.parse("sensor-ingest:live"))
                .isEqualTo(new FunctionReference("sensor-ingest", "live"));
        assertThat(FunctionReference.parse("sensor-ingest:12"))
                .isEqualTo(new FunctionReference("sensor-ingest", "12"));
        assertThat(FunctionReference.parse("sensor-ingest:$LATEST"))
                .isEqualTo(new FunctionReference("sensor-ingest", "$LATEST"));
    }

    @Test
    void parse_splitsTheQualifierFromAnArnOrAPartialArn() {
        // then
        assertThat(FunctionReference.parse(INGEST + ":live")).isEqualTo(new FunctionReference(INGEST, "live"));
        assertThat(FunctionReference.parse(INGEST)).isEqualTo(new FunctionReference(INGEST, null));
        assertThat(FunctionReference.parse("123456789012:function:sensor-ingest:live"))
                .isEqualTo(new FunctionReference("123456789012:function:sensor-ingest", "live"));
        assertThat(FunctionReference.parse("123456789012:function:sensor-ingest"))
                .isEqualTo(new FunctionReference("123456789012:function:sensor-ingest", null));
    }

    @Test
    void parse_takesWhatIsNoReferenceWhole_forTheEndpointToRefuse() {
        // when
        FunctionReference reference = FunctionReference.parse("no such/function");

        // then
        assertThat(reference).isEqualTo(new FunctionReference("no such/function", null));
    }

    @Test
    void forRequest_asksForLatestByTheUnqualifiedName_andKeepsOtherQualifiers() {
        // then
        assertThat(FunctionReference.parse("sensor-ingest:$LATEST").forRequest()).isEqualTo("sensor-ingest");
        assertThat(FunctionReference.parse(INGEST + ":live").forRequest()).isEqualTo(INGEST + ":live");
        assertThat(FunctionReference.parse("sensor-ingest").forRequest()).isEqualTo("sensor-ingest");
    }
}

package dev.sensorpipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultPlanTest {

    @Test
    void none_injectsNothing() {
        assertThat(FaultPlan.none()).isEqualTo(new FaultPlan(0, 0, 0, 0, 0, 0, 0, false));
    }

    @Test
    void toBuilder_keepsEveryFault_butTheOneChanged() {
        // given
        FaultPlan plan = FaultPlan.builder().seed(42).throttleBatchWriteItem(0.2).failBatchWriteItem(0.1)
                .leaveItemsUnprocessed(0.3).refusePutRecordsEntries(0.4).throttlePutRecords(0.05)
                .throttleGetRecords(0.6).dynamoDbDown(true).build();

        // when
        FaultPlan changed = plan.toBuilder().dynamoDbDown(false).build();

        // then
        assertThat(changed).isEqualTo(new FaultPlan(42, 0.2, 0.1, 0.3, 0.4, 0.05, 0.6, false));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
    void build_refusesAShareOutsideZeroToOne(double share) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FaultPlan.builder().refusePutRecordsEntries(share).build())
                .withMessageContaining("refusePutRecordsEntries");
    }

    @Test
    void build_refusesThrottleAndFailureSharesAddingUpToMoreThanOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FaultPlan.builder().throttleBatchWriteItem(0.7).failBatchWriteItem(0.4).build())
                .withMessageContaining("must not exceed 1");
    }
}

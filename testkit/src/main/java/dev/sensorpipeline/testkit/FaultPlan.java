package dev.sensorpipeline.testkit;

/**
 * Which faults a {@link FaultInjectingProxy} injects, and how often. Every share is a probability in {@code [0, 1]};
 * the dice are a {@link java.util.Random} seeded from {@link #seed()}, one stream per faulted operation, so the same
 * plan and the same order of calls to an operation give the same faults.
 *
 * @param seed                    seeds the dice
 * @param throttleBatchWriteItem  share of DynamoDB {@code BatchWriteItem} calls answered HTTP 400
 *                                {@code ProvisionedThroughputExceededException}, not forwarded
 * @param failBatchWriteItem      share of {@code BatchWriteItem} calls answered HTTP 500 {@code InternalServerError},
 *                                not forwarded
 * @param leaveItemsUnprocessed   share of the write requests of a forwarded {@code BatchWriteItem} call withheld from
 *                                the upstream and returned in {@code UnprocessedItems}
 * @param refusePutRecordsEntries share of Kinesis {@code PutRecords} entries withheld from the upstream and answered
 *                                with {@code ErrorCode: ProvisionedThroughputExceededException}
 * @param throttlePutRecords      share of {@code PutRecords} calls answered HTTP 400, not forwarded
 * @param throttleGetRecords      share of Kinesis {@code GetRecords} calls answered HTTP 400, not forwarded
 * @param dynamoDbDown            when true, every DynamoDB call is answered HTTP 500, whatever the other shares say
 */
public record FaultPlan(
        long seed,
        double throttleBatchWriteItem,
        double failBatchWriteItem,
        double leaveItemsUnprocessed,
        double refusePutRecordsEntries,
        double throttlePutRecords,
        double throttleGetRecords,
        boolean dynamoDbDown) {

    private static final FaultPlan NONE = builder().build();

    public FaultPlan {
        requireShare("throttleBatchWriteItem", throttleBatchWriteItem);
        requireShare("failBatchWriteItem", failBatchWriteItem);
        requireShare("leaveItemsUnprocessed", leaveItemsUnprocessed);
        requireShare("refusePutRecordsEntries", refusePutRecordsEntries);
        requireShare("throttlePutRecords", throttlePutRecords);
        requireShare("throttleGetRecords", throttleGetRecords);
        // One draw decides between throttle, 500 and forwarding, so the two shares split one unit.
        if (throttleBatchWriteItem + failBatchWriteItem > 1.0) {
            throw new IllegalArgumentException("throttleBatchWriteItem + failBatchWriteItem must not exceed 1, was "
                    + (throttleBatchWriteItem + failBatchWriteItem));
        }
    }

    /** A plan that forwards everything untouched. */
    public static FaultPlan none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this plan, to change one fault and keep the others. */
    public Builder toBuilder() {
        return new Builder()
                .seed(seed)
                .throttleBatchWriteItem(throttleBatchWriteItem)
                .failBatchWriteItem(failBatchWriteItem)
                .leaveItemsUnprocessed(leaveItemsUnprocessed)
                .refusePutRecordsEntries(refusePutRecordsEntries)
                .throttlePutRecords(throttlePutRecords)
                .throttleGetRecords(throttleGetRecords)
                .dynamoDbDown(dynamoDbDown);
    }

    private static void requireShare(String name, double share) {
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException(name + " must be a share between 0 and 1, was " + share);
        }
    }

    /** Builds a {@link FaultPlan}; everything not set is off, and the seed is 0. */
    public static final class Builder {

        private long seed;
        private double throttleBatchWriteItem;
        private double failBatchWriteItem;
        private double leaveItemsUnprocessed;
        private double refusePutRecordsEntries;
        private double throttlePutRecords;
        private double throttleGetRecords;
        private boolean dynamoDbDown;

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder throttleBatchWriteItem(double share) {
            this.throttleBatchWriteItem = share;
            return this;
        }

        public Builder failBatchWriteItem(double share) {
            this.failBatchWriteItem = share;
            return this;
        }

        public Builder leaveItemsUnprocessed(double share) {
            this.leaveItemsUnprocessed = share;
            return this;
        }

        public Builder refusePutRecordsEntries(double share) {
            this.refusePutRecordsEntries = share;
            return this;
        }

        public Builder throttlePutRecords(double share) {
            this.throttlePutRecords = share;
            return this;
        }

        public Builder throttleGetRecords(double share) {
            this.throttleGetRecords = share;
            return this;
        }

        public Builder dynamoDbDown(boolean down) {
            this.dynamoDbDown = down;
            return this;
        }

        public FaultPlan build() {
            return new FaultPlan(seed, throttleBatchWriteItem, failBatchWriteItem, leaveItemsUnprocessed,
                    refusePutRecordsEntries, throttlePutRecords, throttleGetRecords, dynamoDbDown);
        }
    }
}

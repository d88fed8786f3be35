package dev.sensorpipeline.cost;

/** The two designs priced side by side. */
public enum Design {

    /**
     * This project: PutRecords (KPL-aggregated with {@code --aggregate}), a stream of at least the 2 shards of
     * infra/temperature-sensor-stream.json, BatchWriteItem of 25 in parallel, one EMF log line per batch (11
     * metrics) and the item collection alarm, TTL when asked.
     */
    OURS("ours", 2, 11, 1, 1_000),

    /**
     * The book's: one PutRecord per reading on a stream of 1 shard, one PutItem per reading in turn, Lambda's own
     * log lines only, no metrics, no alarm, no TTL.
     */
    BOOK("book's design", 1, 0, 0, 300);

    private final String label;
    private final int minShards;
    private final int customMetrics;
    private final int alarms;
    private final int logBytesPerInvocation;

    /**
     * @param logBytesPerInvocation Lambda's START, END and REPORT lines (about 300 bytes), and ours its batch line
     *                              (about 700 bytes)
     */
    Design(String label, int minShards, int customMetrics, int alarms, int logBytesPerInvocation) {
        this.label = label;
        this.minShards = minShards;
        this.customMetrics = customMetrics;
        this.alarms = alarms;
        this.logBytesPerInvocation = logBytesPerInvocation;
    }

    public String label() {
        return label;
    }

    int minShards() {
        return minShards;
    }

    int customMetrics() {
        return customMetrics;
    }

    int alarms() {
        return alarms;
    }

    int logBytesPerInvocation() {
        return logBytesPerInvocation;
    }
}

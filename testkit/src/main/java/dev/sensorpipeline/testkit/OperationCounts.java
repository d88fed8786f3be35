package dev.sensorpipeline.testkit;

/** Running counts for one operation; guarded by whoever holds it (the proxy's map of them). */
final class OperationCounts {

    private long requests;
    private long forwarded;
    private long throttled;
    private long failed;
    private long upstreamFailures;
    private long itemsLeftUnprocessed;
    private long entriesRefused;

    void add(ProxyOutcome outcome) {
        requests++;
        switch (outcome.kind()) {
            case FORWARDED -> forwarded++;
            case THROTTLED -> throttled++;
            case FAILED -> failed++;
            case UPSTREAM_FAILURE -> upstreamFailures++;
            case ANSWERED -> { }
        }
        itemsLeftUnprocessed += outcome.itemsLeftUnprocessed();
        entriesRefused += outcome.entriesRefused();
    }

    FaultStats.OperationStats snapshot() {
        return new FaultStats.OperationStats(requests, forwarded, throttled, failed, upstreamFailures,
                itemsLeftUnprocessed, entriesRefused);
    }
}

package dev.sensorpipeline.producer.output;

import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.producer.delivery.DeliveryReport;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The one line a run ends with, on every run: what was delivered, what was not and why, and the seed to repeat it.
 * Plain numbers, so that scripts can pick them out.
 */
public final class Summary {

    private Summary() {
    }

    /**
     * The facts of a run that its report does not hold.
     *
     * @param streamName the stream written to
     * @param openShards the stream's open shards
     * @param callName   {@code PutRecords}, or {@code PutRecord} in book mode
     * @param maxRetries the allowed retries, to explain a give-up
     * @param seed       the fleet's seed
     * @param aggregated whether readings were packed into aggregated records
     */
    public record Facts(String streamName, int openShards, String callName, int maxRetries, long seed,
                        boolean aggregated) {

        /** The facts of a run that sent one record per reading. */
        public Facts(String streamName, int openShards, String callName, int maxRetries, long seed) {
            this(streamName, openShards, callName, maxRetries, seed, false);
        }
    }

    public static String of(DeliveryReport report, Facts facts) {
        String inRecords = facts.aggregated()
                ? String.format(Locale.ROOT, " in %d records (%d bytes, %d PUT payload units)",
                        report.records().count(), report.records().bytes(), report.records().payloadUnits())
                : "";
        String delivered = String.format(Locale.ROOT, "%d readings%s to stream '%s' in %d %s calls over %d of %d "
                        + "shards in %.2f s (%.0f readings/s); %d %s retried",
                report.accepted(), inRecords, facts.streamName(), report.calls(), facts.callName(),
                report.shards().size(), facts.openShards(), report.elapsed().toNanos() / 1e9,
                report.acceptedPerSecond(), report.retried(), facts.aggregated() ? "records" : "entries");
        String refusals = report.refusalsByCode().isEmpty() ? "" : "; refusals: " + refusals(report.refusalsByCode());
        String seed = "; seed " + facts.seed();
        return switch (report.outcome()) {
            case COMPLETE -> report.gaveUp() == 0
                    ? "delivered " + delivered + refusals + seed
                    : "NOT DELIVERED: " + report.gaveUp() + " of " + report.taken() + " readings, still refused after "
                    + facts.maxRetries() + " retries (first: " + describe(report.firstNotDelivered())
                    + "); delivered " + delivered + refusals + seed;
            case STOPPED -> "interrupted: Kinesis accepted " + delivered + "; " + (report.notDelivered() == 0
                    ? "every reading taken was delivered"
                    : "NOT delivered: " + report.notDelivered() + " readings taken but refused" + firstOf(report))
                    + "; later readings were never taken" + refusals + seed;
            case FAILED -> "stopped: " + report.failure().getMessage() + ". Kinesis accepted " + delivered
                    + " before that; NOT delivered: " + report.notDelivered() + " readings taken" + firstOf(report)
                    + refusals + seed;
        };
    }

    private static String firstOf(DeliveryReport report) {
        return report.firstNotDelivered() == null ? "" : " (first: " + describe(report.firstNotDelivered()) + ")";
    }

    private static String describe(SensorReading reading) {
        return reading.sensorId() + " at " + reading.currentTime();
    }

    private static String refusals(Map<String, Long> byCode) {
        StringJoiner joiner = new StringJoiner(", ");
        new TreeMap<>(byCode).forEach((code, count) -> joiner.add(code + " " + count));
        return joiner.toString();
    }
}

package dev.sensorpipeline.producer.delivery;

import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.model.retry.Sleeper;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Delivers entries to a {@link RecordSink}, one call at a time, losing none without saying so.
 *
 * <p>Each call carries as many entries as the sink's limits allow. Entries the answer marks refused are sent again
 * at the head of a later call, after a capped exponential backoff with full jitter that grows with the entry's own
 * refusals, until they are accepted or {@link DeliveryPolicy#maxRetries()} runs out.
 *
 * <p>Order: a refused entry is always retried before any reading taken after it, so it can be overtaken only by
 * the entries of its own call that were accepted. That is the most Kinesis allows while sending more than one
 * record per partition key per call: PutRecords gives no ordering between the entries of one call when some fail.
 * The displacement is bounded by one call; readings of a sensor carry distinct times, so the table they end up in
 * is the same either way.
 *
 * <p>Calls are sequential: two calls in flight could reorder a sensor's readings on its shard at will, and one
 * call of 500 entries already outruns what a shard accepts (1,000 records/s).
 *
 * <p>With an {@link Aggregation}, the readings due for a call are packed into KPL aggregated records, and a refused
 * record is sent again as it is. Counts of readings (taken, accepted, given up, pending) stay counts of readings;
 * retries count records.
 */
public final class Delivery {

    private final RecordSink sink;
    private final DeliveryPolicy policy;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final DoubleSupplier jitter;
    private final BooleanSupplier stopRequested;
    private final LiveCounts counts;
    private final Aggregation aggregation;

    private Delivery(Builder builder) {
        this.sink = builder.sink;
        this.policy = builder.policy;
        this.sleeper = builder.sleeper;
        this.nanoTime = builder.nanoTime;
        this.jitter = builder.jitter;
        this.stopRequested = builder.stopRequested;
        this.counts = builder.counts;
        this.aggregation = builder.aggregation;
    }

    /** A delivery to {@code sink} under {@code policy}; the builder's other settings have defaults for a real run. */
    public static Builder to(RecordSink sink, DeliveryPolicy policy) {
        return new Builder(sink, policy);
    }

    /** The settings of a delivery, by name. */
    public static final class Builder {
        private final RecordSink sink;
        private final DeliveryPolicy policy;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private LongSupplier nanoTime = System::nanoTime;
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private BooleanSupplier stopRequested = () -> false;
        private LiveCounts counts = new LiveCounts();
        private Aggregation aggregation;

        private Builder(RecordSink sink, DeliveryPolicy policy) {
            this.sink = Objects.requireNonNull(sink, "sink");
            this.policy = Objects.requireNonNull(policy, "policy");
        }

        /** Waits for backoffs and the pacer; should return early on a stop request (default: the thread sleeps). */
        public Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** A monotonic clock, as {@link System#nanoTime()} (the default). */
        public Builder nanoTime(LongSupplier value) {
            nanoTime = Objects.requireNonNull(value, "nanoTime");
            return this;
        }

        /** Uniform draws from [0, 1) for the backoff (default: a thread-local random). */
        public Builder jitter(DoubleSupplier value) {
            jitter = Objects.requireNonNull(value, "jitter");
            return this;
        }

        /** Checked between calls: a stop request ends the run after the call in flight (default: never). */
        public Builder stopRequested(BooleanSupplier value) {
            stopRequested = Objects.requireNonNull(value, "stopRequested");
            return this;
        }

        /** Updated as the run goes, for a progress line (default: counts nobody reads). */
        public Builder counts(LiveCounts value) {
            counts = Objects.requireNonNull(value, "counts");
            return this;
        }

        /** Packs readings into aggregated records; {@code null} (the default) sends each reading as a record. */
        public Builder aggregation(Aggregation value) {
            aggregation = value;
            return this;
        }

        public Delivery build() {
            return new Delivery(this);
        }
    }

    /** Delivers every entry {@code entries} yields, until it runs out, a stop is requested or the sink fails. */
    public DeliveryReport deliver(Iterator<PutEntry> entries) {
        return new Run(entries).run();
    }

    /** The state of one run. */
    private final class Run {

        private final Iterator<PutEntry> source;
        private final Deque<Attempt> refused = new ArrayDeque<>();
        private final TreeMap<String, Long> refusalsByCode = new TreeMap<>();
        private final Set<String> shards = new HashSet<>();
        private final long startNanos = nanoTime.getAsLong();
        private final Pacer pacer = new Pacer(policy.ratePerSecond(), startNanos);
        private PutEntry lookahead;
        private long taken;
        private long accepted;
        private long acceptedRecords;
        private long acceptedBytes;
        private long acceptedPayloadUnits;
        private long gaveUp;
        private long retried;
        private long calls;
        private SensorReading firstNotDelivered;
        private long firstNotDeliveredPosition = Long.MAX_VALUE;

        Run(Iterator<PutEntry> source) {
            this.source = source;
        }

        DeliveryReport run() {
            while (true) {
                if (stopRequested.getAsBoolean()) {
                    return report(DeliveryReport.Outcome.STOPPED, null);
                }
                if (!refused.isEmpty()) {
                    if (!waited(policy.backoff().delay(mostRefusals(), jitter.getAsDouble()))
                            || stopRequested.getAsBoolean()) {
                        return report(DeliveryReport.Outcome.STOPPED, null);
                    }
                }
                Batch batch = nextBatch();
                if (batch.isEmpty()) {
                    if (!hasMore()) {
                        return report(DeliveryReport.Outcome.COMPLETE, null);
                    }
                    if (!waited(pacer.untilDue(taken, nanoTime.getAsLong()))) {
                        return report(DeliveryReport.Outcome.STOPPED, null);
                    }
                    continue;
                }
                SinkFailure failure = send(batch);
                if (failure != null) {
                    return report(DeliveryReport.Outcome.FAILED, failure);
                }
            }
        }

        private Batch nextBatch() {
            Batch batch = aggregation == null ? new PlainBatch(sink.limits()) : aggregation.newBatch(sink.limits());
            while (!refused.isEmpty() && batch.tryAdd(refused.peekFirst())) {
                refused.pollFirst();
            }
            // New readings only once every refused entry is aboard, so that none is overtaken by a later one.
            if (refused.isEmpty()) {
                long allowance = pacer.allowance(nanoTime.getAsLong());
                while (!batch.isFull() && taken < allowance && hasMore()) {
                    PutEntry entry = lookahead != null ? lookahead : source.next();
                    lookahead = null;
                    if (!batch.tryAddReading(entry)) {
                        lookahead = entry;
                        break;
                    }
                    taken++;
                }
            }
            return batch;
        }

        /** Sends one call; returns the failure that ends the run, or {@code null} to go on. */
        private SinkFailure send(Batch batch) {
            List<Attempt> attempts = batch.attempts();
            List<PutEntry> entries = new ArrayList<>(attempts.size());
            long retries = 0;
            long fresh = 0;
            for (Attempt attempt : attempts) {
                entries.add(attempt.entry());
                if (attempt.refusals() > 0) {
                    retries++;
                } else {
                    fresh += attempt.entry().readings();
                }
            }
            retried += retries;
            counts.addRetried(retries);
            counts.addSent(fresh);
            List<EntryResult> results;
            try {
                calls++;
                counts.addCall();
                results = sink.put(entries);
            } catch (SinkFailure failure) {
                if (failure.kind() != SinkFailure.Kind.RETRYABLE) {
                    requeue(attempts);
                    return failure;
                }
                results = new ArrayList<>(attempts.size());
                for (int i = 0; i < attempts.size(); i++) {
                    results.add(EntryResult.refused(failure.errorCode(), failure.getMessage()));
                }
            }
            if (results.size() != attempts.size()) {
                throw new IllegalStateException("the sink answered " + results.size() + " results for "
                        + attempts.size() + " entries");
            }
            List<Attempt> again = new ArrayList<>();
            long acceptedNow = 0;
            long gaveUpNow = 0;
            for (int i = 0; i < attempts.size(); i++) {
                EntryResult result = results.get(i);
                Attempt attempt = attempts.get(i);
                if (result.isAccepted()) {
                    PutEntry entry = attempt.entry();
                    acceptedNow += entry.readings();
                    acceptedRecords++;
                    acceptedBytes += entry.size();
                    acceptedPayloadUnits += PayloadUnits.of(entry.size());
                    shards.add(result.shardId());
                    if (aggregation != null) {
                        aggregation.accepted(entry, result.shardId());
                    }
                    continue;
                }
                refusalsByCode.merge(result.errorCode(), 1L, Long::sum);
                if (attempt.refusals() >= policy.maxRetries()) {
                    gaveUpNow += attempt.entry().readings();
                    noteNotDelivered(attempt.entry());
                } else {
                    again.add(attempt.refusedAgain());
                }
            }
            accepted += acceptedNow;
            gaveUp += gaveUpNow;
            counts.addAccepted(acceptedNow);
            counts.addFailed(gaveUpNow);
            requeue(again);
            return null;
        }

        /** Puts attempts back at the head of the queue, in their order: they are older than whatever is there. */
        private void requeue(List<Attempt> attempts) {
            for (int i = attempts.size() - 1; i >= 0; i--) {
                refused.addFirst(attempts.get(i));
            }
        }

        /**
         * Waits; false when the wait was interrupted, which ends the run as a stop request does (the
         * {@link StopSignal} turns an interrupt into one itself).
         */
        private boolean waited(Duration wait) {
            try {
                sleeper.sleep(wait);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private int mostRefusals() {
            int most = 0;
            for (Attempt attempt : refused) {
                most = Math.max(most, attempt.refusals());
            }
            return most;
        }

        private boolean hasMore() {
            return lookahead != null || source.hasNext();
        }

        private void noteNotDelivered(PutEntry entry) {
            if (entry.position() < firstNotDeliveredPosition) {
                firstNotDeliveredPosition = entry.position();
                firstNotDelivered = entry.reading();
            }
        }

        private DeliveryReport report(DeliveryReport.Outcome outcome, SinkFailure failure) {
            long pending = 0;
            for (Attempt attempt : refused) {
                noteNotDelivered(attempt.entry());
                pending += attempt.entry().readings();
            }
            Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - startNanos);
            return new DeliveryReport(outcome, taken, accepted, gaveUp, pending, retried, calls,
                    refusalsByCode, shards, firstNotDelivered, failure, elapsed,
                    new DeliveryReport.Records(acceptedRecords, acceptedBytes, acceptedPayloadUnits));
        }
    }
}

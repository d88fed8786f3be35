package dev.sensorpipeline.local.runner.delivery;

import dev.sensorpipeline.local.runner.base.Console;
import dev.sensorpipeline.local.runner.base.RunStats;
import dev.sensorpipeline.local.runner.event.EventBuilder;
import dev.sensorpipeline.local.runner.failure.FailedBatch;
import dev.sensorpipeline.local.runner.failure.FailureCondition;
import dev.sensorpipeline.local.runner.failure.FailureDeliveryException;
import dev.sensorpipeline.local.runner.filter.FilterCriteria;
import dev.sensorpipeline.local.runner.function.FunctionInvoker;
import dev.sensorpipeline.local.runner.function.InvocationResult;
import dev.sensorpipeline.local.runner.stream.StreamRecord;
import dev.sensorpipeline.model.retry.Backoff;
import dev.sensorpipeline.model.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Takes one batch of a shard to the function until every record in it is acknowledged or discarded, in order: a
 * retried or bisected part is always finished before anything after it is sent, and nothing newer from the shard is
 * read until the whole batch is done. The checkpoint moves after every part that is done. Records given up on are
 * done only once their on-failure document is delivered: until then the delivery is tried again, and the checkpoint
 * does not move past them.
 */
public record BatchDelivery(String shardId, FunctionInvoker invoker, EventBuilder events, Settings settings,
                            ShardProgress progress, RunStats stats, Console console, Sleeper sleeper, Clock clock) {

    /** The settings of the event source mapping that shape a delivery. */
    public record Settings(ResponseInterpreter interpreter, RetryPolicy policy, Backoff backoff,
                           Duration maximumRecordAge, FilterCriteria filter) {

        /** Without FilterCriteria: every record goes to the function. */
        public Settings(ResponseInterpreter interpreter, RetryPolicy policy, Backoff backoff,
                        Duration maximumRecordAge) {
            this(interpreter, policy, backoff, maximumRecordAge, FilterCriteria.NONE);
        }
    }

    /**
     * Lambda's own retry of a failed stream batch, which the runner plays: 250 ms doubling to 5 s, the ceiling
     * itself, without jitter.
     */
    public static final Backoff DEFAULT_BACKOFF = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    /** Between attempts to deliver an on-failure document: a destination that is down is not hammered. */
    static final Backoff DESTINATION_BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    /**
     * Delivers the records the mapping's FilterCriteria let through; those it drops are done, as in Lambda, and a
     * batch it drops whole invokes nothing.
     */
    public void deliver(List<StreamRecord> read) throws InterruptedException {
        if (read.isEmpty()) {
            return;
        }
        List<StreamRecord> batch = passing(read);
        if (batch.isEmpty()) {
            progress.checkpoint(read.get(read.size() - 1).sequenceNumber());
            return;
        }
        Deque<Segment> pending = new ArrayDeque<>();
        pending.push(Segment.of(batch));
        while (!pending.isEmpty()) {
            Segment segment = withoutExpiredRecords(pending.pop());
            if (segment == null) {
                continue;
            }
            Duration wait = settings.backoff().ceiling(segment.retries());
            if (!wait.isZero()) {
                console.warn(shardId + ": sending " + segment.describe() + " again in " + wait.toMillis()
                        + " ms (retry " + segment.retries() + " of " + retriesAllowed() + ")");
                sleeper.sleep(wait);
            }
            Step step = invoke(segment);
            List<Segment> next = step.next();
            for (int i = next.size() - 1; i >= 0; i--) {
                pending.push(next.get(i));
            }
        }
        StreamRecord lastRead = read.get(read.size() - 1);
        if (lastRead != batch.get(batch.size() - 1)) {
            progress.checkpoint(lastRead.sequenceNumber());
        }
    }

    private List<StreamRecord> passing(List<StreamRecord> read) {
        if (settings.filter().isEmpty()) {
            return read;
        }
        List<StreamRecord> passing = read.stream().filter(record -> settings.filter().passes(events.filterView(record)))
                .toList();
        if (passing.size() < read.size()) {
            console.info(shardId + ": FilterCriteria dropped " + (read.size() - passing.size()) + " of "
                    + StreamRecord.describe(read) + (passing.isEmpty() ? "; nothing to invoke" : ""));
        }
        return passing;
    }

    private Step invoke(Segment segment) throws InterruptedException {
        console.info(shardId + ": invoking with " + segment.describe()
                + (segment.retries() > 0 ? " (retry " + segment.retries() + ")" : ""));
        InvocationResult invocation = invoker.invoke(events.build(shardId, segment.records()));
        BatchOutcome outcome = settings.interpreter().interpret(invocation.result(), segment);
        Step step = settings.policy().next(segment, outcome);
        stats.invoked(!(outcome instanceof BatchOutcome.Success));
        stats.acknowledged(step.acknowledged());
        report(segment, outcome, step);
        if (!step.discarded().isEmpty()) {
            discard(new FailedBatch(shardId, step.discarded(), FailureCondition.RetryAttemptsExhausted,
                    segment.retries() + 1, invocation, events.build(shardId, step.discarded())));
        }
        if (step.checkpointAfter() != null) {
            progress.checkpoint(step.checkpointAfter());
        }
        return step;
    }

    private void report(Segment segment, BatchOutcome outcome, Step step) {
        if (outcome instanceof BatchOutcome.PartialFailure partial && step.discarded().isEmpty()) {
            console.warn(shardId + ": the function reported batch item failures; resuming at sequence number "
                    + partial.lowestSequenceNumber() + " (" + step.acknowledged() + " of " + segment.size()
                    + " records done)");
        } else if (outcome instanceof BatchOutcome.Failure failure) {
            String then = step.next().size() == 2 ? "bisecting it into " + step.next().get(0).size() + " + "
                    + step.next().get(1).size() + " records" : step.discarded().isEmpty() ? "retrying it" : "";
            console.warn(shardId + ": the batch failed (" + failure.reason() + ")"
                    + (then.isEmpty() ? "" : "; " + then));
        }
    }

    /**
     * Drops, loudly, the records older than {@code MaximumRecordAgeInSeconds}; returns what is left, or null when
     * nothing is.
     */
    private Segment withoutExpiredRecords(Segment segment) throws InterruptedException {
        if (settings.maximumRecordAge() == null) {
            return segment;
        }
        Instant oldestAllowed = clock.instant().minus(settings.maximumRecordAge());
        List<StreamRecord> expired = new ArrayList<>();
        List<StreamRecord> fresh = new ArrayList<>();
        for (StreamRecord record : segment.records()) {
            (record.approximateArrival().isBefore(oldestAllowed) ? expired : fresh).add(record);
        }
        if (expired.isEmpty()) {
            return segment;
        }
        discard(new FailedBatch(shardId, expired, FailureCondition.RecordAgeExceeded, segment.retries(), null,
                events.build(shardId, expired)));
        if (fresh.isEmpty()) {
            progress.checkpoint(segment.last().sequenceNumber());
            return null;
        }
        return new Segment(fresh, segment.retries());
    }

    /**
     * Hands the records to the destination until it takes them. Stopping meanwhile leaves them unfinished: the
     * checkpoint is before them, and the next run reads them again.
     */
    private void discard(FailedBatch batch) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                progress.discard(batch);
                stats.discarded(batch.records().size());
                return;
            } catch (FailureDeliveryException e) {
                Duration wait = DESTINATION_BACKOFF.ceiling(attempt);
                console.warn(shardId + ": cannot deliver the on-failure document of " + batch.describe() + " ("
                        + e.getMessage() + "); not moving past them, trying again in " + wait.toMillis() + " ms");
                sleeper.sleep(wait);
            }
        }
    }

    private String retriesAllowed() {
        int maximum = settings.policy().maximumRetryAttempts();
        return maximum < 0 ? "unlimited" : Integer.toString(maximum);
    }
}

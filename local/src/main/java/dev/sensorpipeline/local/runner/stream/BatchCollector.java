package dev.sensorpipeline.local.runner.stream;

import dev.sensorpipeline.local.runner.base.Console;
import dev.sensorpipeline.model.retry.Backoff;
import dev.sensorpipeline.model.retry.Sleeper;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

/**
 * Reads a shard into batches as Lambda's event source mapping does: at most {@code BatchSize} records and at most
 * Lambda's 6 MB invoke payload, gathered for up to {@code MaximumBatchingWindowInSeconds} once the first record is
 * in. When the shard has nothing new it waits one poll interval; when GetRecords is throttled it backs off and
 * reads again; when the iterator expires it takes a new one after the last record read. No record is skipped.
 */
public final class BatchCollector {

    /**
     * The settings that shape a batch.
     *
     * @param maxEventBytes the most a batch's invocation event may hold
     * @param eventBytesOf  an upper bound of the bytes a record adds to that event
     */
    public record Settings(int batchSize, Duration batchingWindow, Duration pollInterval, int maxEventBytes,
                           ToIntFunction<StreamRecord> eventBytesOf) {
    }

    /** A batch, or nothing yet; {@code shardEnded} when the shard is closed and every record in it was returned. */
    public record Batch(List<StreamRecord> records, boolean shardEnded) {
    }

    /** Between failed reads of the stream: 250 ms doubling to 5 s. */
    private static final Backoff READ_BACKOFF = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    private final StreamReader reader;
    private final String streamArn;
    private final String shardId;
    private final Settings settings;
    private final ShardActivity activity;
    private final Console console;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;

    private final Deque<StreamRecord> carried = new ArrayDeque<>();
    private StartPosition restartFrom;
    private String lastSequenceNumber;
    private String iterator;
    private boolean iteratorOpened;
    private int failedReads;
    private boolean warnedUnavailable;

    public BatchCollector(StreamReader reader, String streamArn, String shardId, StartPosition start, Settings settings,
                          ShardActivity activity, Console console, Sleeper sleeper, LongSupplier nanoTime) {
        this.reader = reader;
        this.streamArn = streamArn;
        this.shardId = shardId;
        this.restartFrom = start;
        this.lastSequenceNumber = start.sequenceNumber();
        this.settings = settings;
        this.activity = activity;
        this.console = console;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
    }

    /**
     * The next batch: returns as soon as it is full or its batching window has passed, or, when the shard has nothing
     * new, with no records after one poll interval.
     */
    public Batch next() throws InterruptedException {
        List<StreamRecord> batch = new ArrayList<>();
        int[] bytes = {0};
        takeCarried(batch, bytes);
        long windowEnds = batch.isEmpty() ? Long.MAX_VALUE : nanoTime.getAsLong() + settings.batchingWindow().toNanos();
        while (true) {
            if (batch.size() >= settings.batchSize() || !carried.isEmpty()
                    || (!batch.isEmpty() && nanoTime.getAsLong() >= windowEnds)) {
                return new Batch(batch, false);
            }
            if (!openIterator()) {
                continue;
            }
            if (iterator == null) {
                return new Batch(batch, batch.isEmpty());
            }
            ReadResult read = read(settings.batchSize() - batch.size());
            if (read == null) {
                continue;
            }
            iterator = read.nextIterator();
            for (StreamRecord record : read.records()) {
                restartFrom = StartPosition.afterSequenceNumber(record.sequenceNumber());
                lastSequenceNumber = record.sequenceNumber();
                carried.add(record);
            }
            takeCarried(batch, bytes);
            if (!read.records().isEmpty()) {
                activity.busy();
                if (windowEnds == Long.MAX_VALUE) {
                    windowEnds = nanoTime.getAsLong() + settings.batchingWindow().toNanos();
                }
            }
            if (read.caughtUp() && iterator != null) {
                if (batch.isEmpty()) {
                    activity.caughtUp();
                    sleeper.sleep(settings.pollInterval());
                    return new Batch(List.of(), false);
                }
                long left = windowEnds - nanoTime.getAsLong();
                if (left > 0) {
                    sleeper.sleep(Duration.ofNanos(Math.min(left, settings.pollInterval().toNanos())));
                }
            }
        }
    }

    /** Moves carried records into the batch while they fit. */
    private void takeCarried(List<StreamRecord> batch, int[] bytes) {
        while (!carried.isEmpty() && batch.size() < settings.batchSize()) {
            int size = settings.eventBytesOf().applyAsInt(carried.peek());
            if (!batch.isEmpty() && bytes[0] + size > settings.maxEventBytes()) {
                return;
            }
            bytes[0] += size;
            batch.add(carried.poll());
        }
    }

    /** Makes sure there is an iterator; false when it could not be had this time (after a wait). */
    private boolean openIterator() throws InterruptedException {
        if (iteratorOpened) {
            return true;
        }
        try {
            iterator = reader.iterator(streamArn, shardId, restartFrom);
            iteratorOpened = true;
            failedReads = 0;
            return true;
        } catch (StreamReadException e) {
            if (e.kind() == StreamReadException.Kind.NOT_FOUND) {
                throw e;
            }
            waitAfter(e);
            return false;
        }
    }

    /** One GetRecords; null when it must be tried again (after a wait, or with a new iterator). */
    private ReadResult read(int limit) throws InterruptedException {
        try {
            ReadResult result = reader.read(streamArn, iterator, limit);
            failedReads = 0;
            warnedUnavailable = false;
            return result;
        } catch (StreamReadException e) {
            switch (e.kind()) {
                case ITERATOR_EXPIRED -> iteratorOpened = false;
                case NOT_FOUND -> throw e;
                default -> waitAfter(e);
            }
            return null;
        }
    }

    private void waitAfter(StreamReadException e) throws InterruptedException {
        if (Thread.interrupted()) {
            // A read cut short because the runner is stopping: not a problem with the stream.
            throw new InterruptedException("stopping");
        }
        if (e.kind() == StreamReadException.Kind.UNAVAILABLE && !warnedUnavailable) {
            console.warn(shardId + ": cannot read the stream (" + e.getMessage() + "); trying again");
            warnedUnavailable = true;
        }
        failedReads = Math.min(failedReads + 1, 64);
        sleeper.sleep(READ_BACKOFF.ceiling(failedReads));
    }

    /** The last record read from the shard, or the checkpoint it started after; null when neither. */
    public String lastSequenceNumber() {
        return lastSequenceNumber;
    }
}

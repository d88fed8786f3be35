package dev.sensorpipeline.local.runner.stream;

import dev.sensorpipeline.local.runner.base.Console;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs a poller, on a thread of its own, for every shard of a stream that may be read: one whose parents (after a
 * split or a merge) are read to their end, or have expired from the stream, so that records stay in order across
 * a reshard. Lists the shards again on {@link #refresh()}, which the runner calls now and then and a poller calls
 * when its shard ends.
 */
public final class ShardSupervisor {

    /** What reads one shard: runs until the shard ends, or until interrupted. */
    public interface Poller {
        String shardId();

        ShardActivity activity();

        void run() throws InterruptedException;
    }

    /** Builds the poller of one shard. */
    @FunctionalInterface
    public interface PollerFactory {
        Poller create(ShardInfo shard);
    }

    private final String streamArn;
    private final StreamReader reader;
    private final PollerFactory factory;
    private final Predicate<String> endedInCheckpoint;
    private final Console console;
    private final Consumer<Throwable> onFatal;

    private final Map<String, ShardInfo> listed = new ConcurrentHashMap<>();
    private final Map<String, Poller> pollers = new LinkedHashMap<>();
    private final Map<String, Thread> threads = new LinkedHashMap<>();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private boolean stopped;

    public ShardSupervisor(String streamArn, StreamReader reader, PollerFactory factory,
                           Predicate<String> endedInCheckpoint, Console console, Consumer<Throwable> onFatal) {
        this.streamArn = streamArn;
        this.reader = reader;
        this.factory = factory;
        this.endedInCheckpoint = endedInCheckpoint;
        this.console = console;
        this.onFatal = onFatal;
    }

    /** Lists the shards and starts a poller for each one that may now be read. */
    public synchronized void refresh() {
        if (stopped) {
            return;
        }
        List<ShardInfo> shards = reader.listShards(streamArn);
        listed.clear();
        shards.forEach(shard -> listed.put(shard.shardId(), shard));
        for (ShardInfo shard : shards) {
            if (pollers.containsKey(shard.shardId()) || ended.contains(shard.shardId())) {
                continue;
            }
            if (endedInCheckpoint.test(shard.shardId())) {
                ended.add(shard.shardId());
                continue;
            }
            if (shard.parents().stream().allMatch(parent -> ended.contains(parent)
                    || (!listed.containsKey(parent) && !pollers.containsKey(parent)))) {
                start(shard);
            }
        }
    }

    /** {@link #refresh()}, warning instead of failing when the stream cannot be listed this time. */
    public void refreshQuietly() {
        try {
            refresh();
        } catch (StreamReadException e) {
            console.warn("cannot list the shards of " + streamArn + " (" + e.getMessage() + "); trying again later");
        }
    }

    /** The shard's ending sequence number as ListShards last said; null while it is open. */
    public String endingSequenceNumber(String shardId) {
        ShardInfo shard = listed.get(shardId);
        return shard == null ? null : shard.endingSequenceNumber();
    }

    /** The shard's children may be read now, though it is still being read (see {@link ShardPoller.EndListener}). */
    public void drained(String shardId) {
        ended.add(shardId);
        console.info(shardId + " is closed and was read past its end; reading its children, and it, on");
        refreshQuietly();
    }

    /** The activity of every shard being read or read to its end in this run. */
    public synchronized List<ShardActivity> activities() {
        List<ShardActivity> activities = new ArrayList<>();
        pollers.values().forEach(poller -> activities.add(poller.activity()));
        return activities;
    }

    /** Shard ids and whether each is being read, for the summary. */
    public synchronized List<String> shardIds() {
        return new ArrayList<>(pollers.keySet());
    }

    /** Interrupts every poller and waits for it to stop. */
    public void stop() throws InterruptedException {
        List<Thread> running;
        synchronized (this) {
            stopped = true;
            running = new ArrayList<>(threads.values());
        }
        running.forEach(Thread::interrupt);
        for (Thread thread : running) {
            thread.join();
        }
    }

    private void start(ShardInfo shard) {
        Poller poller = factory.create(shard);
        Thread thread = new Thread(() -> run(poller), "shard-" + shard.shardId());
        thread.setDaemon(true);
        pollers.put(shard.shardId(), poller);
        threads.put(shard.shardId(), thread);
        console.info("reading " + shard.shardId() + " of " + streamArn);
        thread.start();
    }

    private void run(Poller poller) {
        try {
            poller.run();
            ended.add(poller.shardId());
            console.info(poller.shardId() + " is closed and read to its end");
            refreshQuietly();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (StreamReadException e) {
            onFatal.accept(e.kind() == StreamReadException.Kind.NOT_FOUND
                    ? new StreamReadException(e.kind(), "the stream " + streamArn + " or its shard "
                    + poller.shardId() + " no longer exists (was it deleted?): " + e.getMessage(), e)
                    : e);
        } catch (RuntimeException | Error e) {
            onFatal.accept(e);
        }
    }
}

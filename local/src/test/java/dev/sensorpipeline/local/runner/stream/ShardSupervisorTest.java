package dev.sensorpipeline.local.runner.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.local.runner.base.Console;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ShardSupervisorTest {

    private final List<String> started = new CopyOnWriteArrayList<>();
    private final Console console = new Console(new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream()));

    /** ListShards answers what the test says. */
    private static final class Listing implements StreamReader {
        List<ShardInfo> shards = new ArrayList<>();

        @Override
        public List<ShardInfo> listShards(String streamArn) {
            return shards;
        }

        @Override
        public String iterator(String streamArn, String shardId, StartPosition position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReadResult read(String streamArn, String iterator, int limit) {
            throw new UnsupportedOperationException();
        }
    }

    /** A supervisor of a stream of these shards, whose pollers only note that they started, and wait to be stopped. */
    private ShardSupervisor supervisor(Set<String> endedInCheckpoint, ShardInfo... shards) {
        Listing listing = new Listing();
        listing.shards = List.of(shards);
        return new ShardSupervisor("arn", listing, shard -> {
            started.add(shard.shardId());
            return new ShardSupervisor.Poller() {
                @Override
                public String shardId() {
                    return shard.shardId();
                }

                @Override
                public ShardActivity activity() {
                    return new ShardActivity(System::nanoTime);
                }

                @Override
                public void run() throws InterruptedException {
                    new java.util.concurrent.CountDownLatch(1).await();
                }
            };
        }, endedInCheckpoint::contains, console, error -> { });
    }

    @Test
    void refresh_startsAChildShard_onlyOnceItsParentsAreReadToTheirEnd() throws Exception {
        // given: shard 0 was split into 1 and 2; shard 0 is still being read
        ShardSupervisor supervisor = supervisor(Set.of(), new ShardInfo("shardId-0", null, null, "100"),
                new ShardInfo("shardId-1", "shardId-0", null, null),
                new ShardInfo("shardId-2", "shardId-0", null, null));

        // when
        supervisor.refresh();

        // then
        assertThat(started).containsExactly("shardId-0");
        supervisor.stop();
    }

    @Test
    void refresh_startsTheChildren_whenTheParentEndedInAnEarlierRun_orExpiredFromTheStream() throws Exception {
        // given: shard 0 ended before; shard 3 (parent of 4) is no longer listed
        ShardSupervisor supervisor = supervisor(Set.of("shardId-0"), new ShardInfo("shardId-0", null, null, "100"),
                new ShardInfo("shardId-1", "shardId-0", null, null),
                new ShardInfo("shardId-4", "shardId-3", null, null));

        // when
        supervisor.refresh();

        // then
        assertThat(started).containsExactlyInAnyOrder("shardId-1", "shardId-4");
        supervisor.stop();
    }
}

package dev.sensorpipeline.producer;

import dev.sensorpipeline.model.DecodeResult;
import dev.sensorpipeline.model.ReadingCodec;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.testkit.AwsCli;
import dev.sensorpipeline.testkit.LocalAws;
import dev.sensorpipeline.testkit.MotoServer;
import dev.sensorpipeline.testkit.StreamContents;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;

/** Streams on a local endpoint: made from the project's own spec, and read back shard by shard. */
final class LocalStreams {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final ReadingCodec CODEC = new ReadingCodec();

    /** One record as a shard holds it, decoded. */
    record Stored(String shardId, String partitionKey, SensorReading reading) {
    }

    /** One record as a shard holds it, undecoded, with the shard's hash key range. */
    record Raw(String shardId, BigInteger startingHashKey, BigInteger endingHashKey, Record record) {
    }

    private static KinesisClient reader;

    private LocalStreams() {
    }

    /** The shared moto_server of the tests, started on first use. */
    static URI endpoint() {
        return MotoServer.shared().endpoint();
    }

    /** A client of {@link #endpoint()} to read streams back, one for all the tests of the JVM. */
    static synchronized KinesisClient reader() {
        if (reader == null) {
            reader = LocalAws.kinesis(endpoint());
        }
        return reader;
    }

    /** A fresh stream made with the aws CLI from infra/temperature-sensor-stream.json (2 shards), renamed. */
    static String create(URI endpoint, String purpose) {
        String name = "producer-" + purpose + "-" + NEXT.incrementAndGet();
        AwsCli cli = new AwsCli(endpoint);
        cli.run("kinesis", "create-stream", "--cli-input-json", "file://infra/temperature-sensor-stream.json",
                "--stream-name", name).orThrow();
        cli.run("kinesis", "wait", "stream-exists", "--stream-name", name).orThrow();
        return name;
    }

    /** Every record of every shard, each shard's in its sequence order, shard after shard. */
    static List<Stored> readAll(KinesisClient client, String stream) {
        List<Stored> stored = new ArrayList<>();
        for (Raw raw : readRaw(client, stream)) {
            DecodeResult decoded = CODEC.decode(raw.record().data().asByteArray());
            stored.add(new Stored(raw.shardId(), raw.record().partitionKey(),
                    ((DecodeResult.Decoded) decoded).reading()));
        }
        return stored;
    }

    /** Every record of every shard as it is, each shard's in its sequence order, shard after shard. */
    static List<Raw> readRaw(KinesisClient client, String stream) {
        List<Raw> raws = new ArrayList<>();
        for (StreamContents.ShardRecord held : StreamContents.readAll(client, stream)) {
            Shard shard = held.shard();
            raws.add(new Raw(shard.shardId(), new BigInteger(shard.hashKeyRange().startingHashKey()),
                    new BigInteger(shard.hashKeyRange().endingHashKey()), held.record()));
        }
        return raws;
    }
}

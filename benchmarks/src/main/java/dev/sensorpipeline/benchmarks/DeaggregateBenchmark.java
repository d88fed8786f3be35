package dev.sensorpipeline.benchmarks;

import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Opening one aggregated record of the producer's default size (25 KiB, about 290 readings), in records per second
 * on one thread, once warm: the function's hand-written codec against protobuf-java, generated classes and
 * CodedInputStream. See {@link DeaggregateColdStart} for the first one, which matters more to a Lambda function.
 */
public class DeaggregateBenchmark extends ThroughputBenchmark {

    private byte[] record;

    @Setup
    public void makeRecord() {
        record = Aggregates.producersRecord();
    }

    @Benchmark
    public void handWritten(Blackhole hole) {
        hole.consume(Aggregates.handWritten(record));
    }

    @Benchmark
    public void protobufGenerated(Blackhole hole) throws IOException {
        hole.consume(Aggregates.generated(record));
    }

    @Benchmark
    public void protobufCodedInputStream(Blackhole hole) throws IOException {
        hole.consume(Aggregates.coded(record));
    }
}

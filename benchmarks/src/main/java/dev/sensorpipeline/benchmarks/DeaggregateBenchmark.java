package dev.sensorpipeline.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Opening one aggregated record of the producer's default size (25 KiB, about 290 readings), in records per second
 * on one thread, once warm: the function's hand-written codec against protobuf-java, generated classes and
 * CodedInputStream. See {@link DeaggregateColdStart} for the first one, which matters more to a Lambda function.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DeaggregateBenchmark {

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

package dev.sensorpipeline.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The first aggregated record a fresh JVM opens, as a Lambda function's first batch does: the time it takes and the
 * classes it loads, by decoder. Run once per JVM, decoders interleaved; {@code docs/PERFORMANCE.md} has the loop.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.sensorpipeline.benchmarks.DeaggregateColdStart write RECORD_FILE
 * java -XX:TieredStopAtLevel=1 -cp benchmarks/target/benchmarks.jar \
 *     dev.sensorpipeline.benchmarks.DeaggregateColdStart hand-written|protobuf-generated|protobuf-coded RECORD_FILE
 * </pre>
 *
 * The record is read from a file, so that making it loads nothing in the JVM that measures.
 */
public final class DeaggregateColdStart {

    private DeaggregateColdStart() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DeaggregateColdStart write|hand-written|protobuf-generated|protobuf-coded FILE");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        if (args[0].equals("write")) {
            Files.write(file, Aggregates.producersRecord());
            return;
        }
        byte[] record = Files.readAllBytes(file);
        var classLoading = ManagementFactory.getClassLoadingMXBean();
        long classesBefore = classLoading.getTotalLoadedClassCount();
        long start = System.nanoTime();
        List<ByteBuffer> userRecords = switch (args[0]) {
            case "hand-written" -> Aggregates.handWritten(record);
            case "protobuf-generated" -> Aggregates.generated(record);
            case "protobuf-coded" -> Aggregates.coded(record);
            default -> throw new IllegalArgumentException("no decoder " + args[0]);
        };
        long micros = (System.nanoTime() - start) / 1000;
        System.out.printf("%s: %d user records of a %d-byte record in %d us, %d classes loaded%n", args[0],
                userRecords.size(), record.length, micros, classLoading.getTotalLoadedClassCount() - classesBefore);
    }
}

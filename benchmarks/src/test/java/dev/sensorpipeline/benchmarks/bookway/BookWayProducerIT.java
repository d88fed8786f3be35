package dev.sensorpipeline.benchmarks.bookway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.testkit.AwsCli;
import dev.sensorpipeline.testkit.LocalAws;
import dev.sensorpipeline.testkit.MotoServer;
import dev.sensorpipeline.testkit.StreamContents;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** The baseline in-process against a real moto_server on loopback, with its client injected. */
class BookWayProducerIT {

    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    @Test
    void putsOneRecordPerPutRecordCall_underTheBooksKey() {
        // given
        URI endpoint = MotoServer.shared().endpoint();
        String stream = "book-way-" + System.nanoTime();
        AwsCli cli = new AwsCli(endpoint);
        cli.run("kinesis", "create-stream", "--cli-input-json", "file://infra/temperature-sensor-stream.json",
                "--stream-name", stream).orThrow();
        cli.run("kinesis", "wait", "stream-exists", "--stream-name", stream).orThrow();
        StringWriter err = new StringWriter();

        // when
        int exitCode = new CommandLine(new BookWayProducer(settings -> countingClient(endpoint)))
                .setErr(new PrintWriter(err)).execute("--stream", stream, "--count", "30", "--sensors", "3");

        // then
        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(requests.get("PutRecord")).hasValue(30);
        assertThat(requests).doesNotContainKey("PutRecords");
        assertThat(err.toString()).contains("30 readings", "PutRecord");
        try (KinesisClient reader = LocalAws.kinesis(endpoint)) {
            assertThat(StreamContents.readAll(reader, stream)).hasSize(30)
                    .extracting(held -> held.record().partitionKey()).containsOnly("sensor-data");
        }
    }

    /** A client of the local endpoint that counts the requests it puts on the wire, per operation. */
    private KinesisClient countingClient(URI endpoint) {
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                requests.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                        ignored -> new AtomicInteger()).incrementAndGet();
            }
        };
        return LocalAws.configure(LocalAws.kinesisBuilder(), endpoint)
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build();
    }
}

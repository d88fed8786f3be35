package dev.sensorpipeline.producer;

import dev.sensorpipeline.producer.kinesis.KinesisConnector;
import dev.sensorpipeline.testkit.LocalAws;
import java.net.URI;

/** Clients for the command pointed at a local endpoint, with dummy credentials and a call counter. */
final class TestConnector {

    private TestConnector() {
    }

    static KinesisConnector to(URI endpoint, CallCounter counter) {
        return settings -> LocalAws.configure(LocalAws.kinesisBuilder(), endpoint)
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter))
                .build();
    }
}

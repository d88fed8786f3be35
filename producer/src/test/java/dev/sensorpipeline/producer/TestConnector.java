package dev.sensorpipeline.producer;

import dev.sensorpipeline.producer.kinesis.KinesisConnector;
import dev.sensorpipeline.testkit.LocalAws;
import java.net.URI;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Clients for the command pointed at a local endpoint, with dummy credentials and a call counter. */
final class TestConnector {

    private TestConnector() {
    }

    static KinesisConnector to(URI endpoint, CallCounter counter) {
        return settings -> {
            System.setProperty("aws.cborEnabled", "false");
            return KinesisClient.builder()
                    .endpointOverride(endpoint)
                    .region(LocalAws.REGION)
                    .credentialsProvider(LocalAws.credentials())
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(o -> o.addExecutionInterceptor(counter))
                    .build();
        };
    }
}

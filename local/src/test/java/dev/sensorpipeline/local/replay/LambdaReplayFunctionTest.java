package dev.sensorpipeline.local.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Lambda's Invoke as its REST API answers it, from a loopback server: moto cannot run a Java function. */
class LambdaReplayFunctionTest {

    private HttpServer server;
    private LambdaClient lambda;
    private final List<String> requests = new ArrayList<>();
    private volatile String functionError;
    private volatile String response = "{\"batchItemFailures\":[]}";

    @BeforeEach
    void startLambdasInvokeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (functionError != null) {
                exchange.getResponseHeaders().add("X-Amz-Function-Error", functionError);
            }
            exchange.getResponseHeaders().add("X-Amz-Executed-Version", "3");
            byte[] body = response.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        lambda = LambdaClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stopIt() {
        lambda.close();
        server.stop(0);
    }

    @Test
    void invoke_sendsTheEventAsItIs_toTheAliasTheMappingInvokes_andReadsTheResponse() {
        // given
        response = "{\"batchItemFailures\":[{\"itemIdentifier\":\"10\"}]}";

        // when
        Invocation invocation = new LambdaReplayFunction(lambda, "sensor-ingest", "live")
                .invoke("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(requests).containsExactly(
                "POST /2015-03-31/functions/sensor-ingest/invocations?Qualifier=live {\"Records\":[]}");
        assertThat(invocation).isEqualTo(new Invocation(false, response));
    }

    @Test
    void invoke_reportsAFunctionError_whenLambdaSaysTheFunctionFailed() {
        // given
        functionError = "Unhandled";
        response = "{\"errorMessage\":\"Task timed out after 60.00 seconds\"}";

        // when
        Invocation invocation = new LambdaReplayFunction(lambda, "sensor-ingest", "live").invoke(new byte[] {'{', '}'});

        // then
        assertThat(invocation.functionError()).isTrue();
    }
}

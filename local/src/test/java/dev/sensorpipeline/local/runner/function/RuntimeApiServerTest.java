package dev.sensorpipeline.local.runner.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Runtime API as the runtime interface client uses it, played by a plain HTTP client. */
class RuntimeApiServerTest {

    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:f";

    private final HttpClient http = HttpClient.newHttpClient();
    private RuntimeApiServer api;

    @BeforeEach
    void start() throws Exception {
        api = RuntimeApiServer.start(FUNCTION_ARN);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private URI uri(String path) {
        return URI.create("http://" + api.address() + "/2018-06-01/runtime/" + path);
    }

    private CompletableFuture<HttpResponse<String>> next() {
        return http.sendAsync(HttpRequest.newBuilder(uri("invocation/next")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void next_waitsForAnEvent_thenHandsItOutWithLambdasHeaders() throws Exception {
        // given
        CompletableFuture<HttpResponse<String>> polling = next();
        api.firstPoll().get(10, TimeUnit.SECONDS);
        assertThat(polling).isNotDone();
        Invocation invocation = new Invocation("request-1", "{\"Records\":[]}".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(30));

        // when
        api.submit(invocation);
        HttpResponse<String> response = polling.get(10, TimeUnit.SECONDS);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"Records\":[]}");
        assertThat(response.headers().firstValue("Lambda-Runtime-Aws-Request-Id")).contains("request-1");
        assertThat(response.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn")).contains(FUNCTION_ARN);
        assertThat(response.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow()).startsWith("Root=1-");
        long deadline = Long.parseLong(response.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
        Instant started = invocation.started().getNow(null);
        assertThat(deadline).isEqualTo(started.plusSeconds(30).toEpochMilli());
    }

    @Test
    void response_completesTheInvocationWithTheFunctionsAnswer() throws Exception {
        // given
        Invocation invocation = new Invocation("request-2", "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(3));
        api.submit(invocation);
        next().get(10, TimeUnit.SECONDS);

        // when
        HttpResponse<String> accepted = post("invocation/request-2/response", "{\"batchItemFailures\":[]}");

        // then
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(invocation.result().get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(FunctionResult.Response.class,
                result -> assertThat(new String(result.body(), StandardCharsets.UTF_8))
                        .isEqualTo("{\"batchItemFailures\":[]}"));
    }

    @Test
    void error_completesTheInvocationWithTheRuntimesErrorDocument() throws Exception {
        // given
        Invocation invocation = new Invocation("request-3", "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(3));
        api.submit(invocation);
        next().get(10, TimeUnit.SECONDS);

        // when
        post("invocation/request-3/error", "{\"errorMessage\":\"poison\",\"errorType\":\"java.lang.IllegalStateException\","
                + "\"stackTrace\":[]}");

        // then
        assertThat(invocation.result().get(10, TimeUnit.SECONDS))
                .isEqualTo(new FunctionResult.Error("java.lang.IllegalStateException", "poison"));
    }

    @Test
    void response_isRefused_forARequestIdNotHandedOut() throws Exception {
        // when
        HttpResponse<String> refused = post("invocation/no-such-request/response", "{}");

        // then
        assertThat(refused.statusCode()).isEqualTo(400);
    }

    @Test
    void initError_isKept_forTheInvokerToReport() throws Exception {
        // when
        post("init/error", "{\"errorMessage\":\"Class not found: x.Y\",\"errorType\":\"Runtime.ClassNotFound\"}");

        // then
        assertThat(api.initError().get(10, TimeUnit.SECONDS))
                .isEqualTo(new FunctionResult.Error("Runtime.ClassNotFound", "Class not found: x.Y"));
    }
}

package dev.sensorpipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The HTTP control a script uses on a proxy running as a process. */
class FaultInjectingProxyControlTest {

    private static final MotoServer MOTO = MotoServer.shared();

    private final HttpClient http = HttpClient.newHttpClient();
    private FaultInjectingProxy proxy;

    @BeforeEach
    void startProxy() {
        proxy = FaultInjectingProxy.start(MOTO.endpoint(), FaultPlan.none());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    void control_switchesToThePlanPut() throws Exception {
        // when
        HttpResponse<String> response = put("plan", "{\"seed\": 3, \"dynamoDbDown\": true}");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(proxy.plan()).isEqualTo(FaultPlan.builder().seed(3).dynamoDbDown(true).build());
    }

    @Test
    void control_keepsThePlan_whenThePlanPutIsInvalid() throws Exception {
        // given
        FaultPlan before = FaultPlan.builder().throttleGetRecords(0.5).build();
        proxy.setPlan(before);

        // when
        HttpResponse<String> response = put("plan", "{\"throttleGetRecords\": 2}");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("throttleGetRecords must be a share between 0 and 1");
        assertThat(proxy.plan()).isEqualTo(before);
    }

    @Test
    void control_reportsTheStats_asJson() throws Exception {
        // given
        try (DynamoDbClient dynamoDb = NoRetryClients.dynamoDb(proxy.endpoint())) {
            dynamoDb.listTables();
        }

        // when
        HttpResponse<String> response = get("stats");

        // then
        JsonNode listTables = new ObjectMapper().readTree(response.body())
                .path("operations").path("DynamoDB_20120810.ListTables");
        assertThat(listTables.path("requests").asLong()).isEqualTo(1);
        assertThat(listTables.path("forwarded").asLong()).isEqualTo(1);
    }

    private HttpResponse<String> get(String what) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(control(what)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String what, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(control(what)).PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI control(String what) {
        return proxy.endpoint().resolve(FaultInjectingProxy.CONTROL_PATH + what);
    }
}

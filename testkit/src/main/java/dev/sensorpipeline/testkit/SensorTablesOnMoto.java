package dev.sensorpipeline.testkit;

import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The set-up the integration tests against the readings tables share: once per class, the shared moto reset and
 * SensorData and SensorDataRejects made from infra/ with the aws CLI; before each test, both tables emptied.
 *
 * <pre>{@code @RegisterExtension static final SensorTablesOnMoto TABLES = new SensorTablesOnMoto();}</pre>
 */
public final class SensorTablesOnMoto implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final MotoServer moto = MotoServer.shared();
    private DynamoDbClient dynamoDb;

    @Override
    public void beforeAll(ExtensionContext context) {
        moto.reset();
        LocalTables.createSensorTablesFromInfra(moto.endpoint());
        dynamoDb = LocalAws.dynamoDb(moto.endpoint());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        LocalTables.emptySensorTables(dynamoDb);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        dynamoDb.close();
    }

    /** The endpoint the tables are at. */
    public URI endpoint() {
        return moto.endpoint();
    }

    /** A client on the tables, open from before the first test to after the last. */
    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }
}

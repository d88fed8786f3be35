package dev.sensorpipeline.local.runner;

import dev.sensorpipeline.testkit.LocalAws;
import dev.sensorpipeline.testkit.LocalTables;
import dev.sensorpipeline.testkit.MotoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordRequest;

/**
 * What the runner's ITs stand on: the shared moto_server, the tables and the role deployed from infra/ once per
 * class, a DynamoDB and a Kinesis client of the class's own, the tables emptied before each test, and a state
 * folder of each test's own.
 */
abstract class LocalEndpointFixture {

    static final MotoServer MOTO = MotoServer.shared();
    static final Duration RUN_LIMIT = Duration.ofSeconds(120);

    static LocalDeployment deployment;
    static DynamoDbClient dynamoDb;
    static KinesisClient kinesis;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void deployTablesAndRole() {
        deployment = LocalDeployment.fresh(MOTO);
        dynamoDb = LocalAws.dynamoDb(MOTO.endpoint());
        kinesis = LocalAws.kinesis(MOTO.endpoint());
    }

    @BeforeEach
    void emptyTheTables() {
        LocalTables.emptySensorTables(dynamoDb);
    }

    @AfterAll
    static void closeTheClients() {
        dynamoDb.close();
        kinesis.close();
    }

    /** Items in a table, read with this class's own client: it must not depend on another class having run. */
    static int count(String table) {
        return dynamoDb.scan(ScanRequest.builder().tableName(table).select(Select.COUNT).build()).count();
    }

    /** Puts records one by one, in this order, on a one-shard stream; returns their sequence numbers. */
    static List<String> putInOrder(String stream, List<String> data) {
        List<String> sequenceNumbers = new ArrayList<>();
        for (String record : data) {
            sequenceNumbers.add(kinesis.putRecord(PutRecordRequest.builder().streamName(stream).partitionKey("k")
                    .data(SdkBytes.fromUtf8String(record)).build()).sequenceNumber());
        }
        return sequenceNumbers;
    }
}

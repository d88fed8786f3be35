package dev.sensorpipeline.local.runner;

import static dev.sensorpipeline.local.runner.RunLocalIT.put;
import static dev.sensorpipeline.local.runner.RunLocalIT.reading;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sensorpipeline.local.runner.testfunction.TableStreamFunction;
import dev.sensorpipeline.local.runner.testfunction.TestFunctionJar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * {@code scripts/run-local.sh} playing DynamoDB Streams mappings on a moto_server, as Lambda polls a table's stream:
 * the function gets Lambda's DynamoDB event, the mapping's FilterCriteria drop what they say, batch item failures
 * (by {@code dynamodb.SequenceNumber}) are sent again from that record, the checkpoint holds across runs, and one
 * runner plays a Kinesis mapping and a table-stream mapping at once, each function in its own JVM.
 */
class RunLocalTableStreamIT extends LocalEndpointFixture {

    /** Lambda's filter for "not a REMOVE", as --filter-criteria takes it. */
    private static final String NO_REMOVE = "{\"Filters\":[{\"Pattern\":\"{\\\"eventName\\\":[\\\"INSERT\\\","
            + "\\\"MODIFY\\\"]}\"}]}";

    private static Path tableFunctionJar;

    @TempDir
    Path work;

    @BeforeAll
    static void writeTheTestFunction(@TempDir Path jars) throws IOException {
        tableFunctionJar = TestFunctionJar.write(jars.resolve("table-stream-function.jar"), TableStreamFunction.class);
    }

    /** The table-stream test function, logging into this test's folder. */
    private void createTableFunction(String name) {
        deployment.createFunction(name, tableFunctionJar.toString(), "--handler",
                TestFunctionJar.TABLE_STREAM_HANDLER, "--environment", "{\"Variables\":{\"EVENTS_LOG\":\""
                        + work.resolve("events.jsonl") + "\",\"FAILED_LOG\":\"" + work.resolve("failed.txt")
                        + "\",\"JAVA_TOOL_OPTIONS\":\"" + LocalDeployment.JAVA_TOOL_OPTIONS + "\"}}");
    }

    /** The table's stream mapped to the function from the start of the stream, not passing REMOVEs. */
    private void mapFromTheStart(String functionName, String streamArn) {
        deployment.createMapping(functionName, streamArn, "--starting-position", "TRIM_HORIZON",
                "--maximum-batching-window-in-seconds", "0", "--filter-criteria", NO_REMOVE);
    }

    private static void putItem(String table, String sensor, int time, String temperature, boolean failOnce) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(Map.of(
                "SensorId", AttributeValue.fromS(sensor), "CurrentTime", AttributeValue.fromN(Integer.toString(time)),
                "Temperature", AttributeValue.fromN(temperature)));
        if (failOnce) {
            item.put("Fail", AttributeValue.fromS("once"));
        }
        dynamoDb.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    private static void deleteItem(String table, String sensor, int time) {
        dynamoDb.deleteItem(DeleteItemRequest.builder().tableName(table).key(Map.of(
                "SensorId", AttributeValue.fromS(sensor), "CurrentTime", AttributeValue.fromN(Integer.toString(time))))
                .build());
    }

    /** Each invocation's event, as the function got it. */
    private List<String> events() throws IOException {
        Path log = work.resolve("events.jsonl");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** An event read as a Java function reads it: the runtime's serializer, aws-lambda-java-events' class. */
    private static DynamodbEvent asTheRuntimeReadsIt(String event) {
        PojoSerializer<DynamodbEvent> serializer = LambdaEventSerializers.serializerFor(DynamodbEvent.class,
                RunLocalTableStreamIT.class.getClassLoader());
        return serializer.fromJson(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
    }

    /** "INSERT sensor-1" for each record of the event. */
    private static List<String> changes(String event) {
        List<String> changes = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : asTheRuntimeReadsIt(event).getRecords()) {
            changes.add(record.getEventName() + " " + record.getDynamodb().getKeys().get("SensorId").getS());
        }
        return changes;
    }

    @Test
    void runLocal_givesLambdasDynamodbEvent_dropsTheFilteredRemove_andResendsFromTheReportedFailure()
            throws Exception {
        // given: three inserts (the second fails once), a modify, a remove
        String table = "StreamedEvents";
        String streamArn = deployment.createSensorDataTableWithStream(table);
        createTableFunction("table-events");
        mapFromTheStart("table-events", streamArn);
        putItem(table, "sensor-1", 1, "20.5", false);
        putItem(table, "sensor-2", 2, "101.5", true);
        putItem(table, "sensor-3", 3, "22", false);
        putItem(table, "sensor-1", 1, "21", false);
        deleteItem(table, "sensor-3", 3);

        // when
        RunnerProcess.Finished run = RunnerProcess.run(MOTO.endpoint(), stateDir, RUN_LIMIT,
                "--function-name", "table-events", "--function-jar", "table-events=" + tableFunctionJar,
                "--until-idle", "2");

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> events = events();
        assertThat(events).as(run.output()).hasSize(2);
        assertThat(changes(events.get(0))).containsExactly("INSERT sensor-1", "INSERT sensor-2", "INSERT sensor-3",
                "MODIFY sensor-1");
        assertThat(changes(events.get(1))).containsExactly("INSERT sensor-2", "INSERT sensor-3", "MODIFY sensor-1");
        assertThat(run.output()).contains("FilterCriteria dropped 1 of 5 records")
                .contains("the function reported batch item failures; resuming at sequence number");

        JsonNode first = LocalDeployment.json(events.get(0)).at("/Records/1");
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("eventID", "eventName", "eventVersion", "eventSource", "awsRegion",
                "dynamodb", "eventSourceARN");
        DynamodbEvent.DynamodbStreamRecord record = asTheRuntimeReadsIt(events.get(0)).getRecords().get(1);
        assertThat(record.getEventVersion()).isEqualTo("1.1");
        assertThat(record.getEventSource()).isEqualTo("aws:dynamodb");
        assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(record.getEventSourceARN()).isEqualTo(streamArn);
        assertThat(record.getDynamodb().getStreamViewType()).isEqualTo("NEW_IMAGE");
        assertThat(record.getDynamodb().getKeys()).containsOnlyKeys("SensorId", "CurrentTime");
        assertThat(record.getDynamodb().getNewImage().get("Temperature").getN()).isEqualTo("101.5");
        assertThat(record.getDynamodb().getNewImage().get("Fail").getS()).isEqualTo("once");
        assertThat(record.getDynamodb().getApproximateCreationDateTime()).isNotNull();
        assertThat(first.at("/dynamodb/ApproximateCreationDateTime").isNumber()).isTrue();
        String failedSequenceNumber = record.getDynamodb().getSequenceNumber();
        assertThat(Files.readAllLines(work.resolve("failed.txt"))).containsExactly(failedSequenceNumber);
        assertThat(run.stderr()).contains("resuming at sequence number " + failedSequenceNumber);
    }

    @Test
    void runLocal_resumesATableStreamAfterItsCheckpoint_whenStartedAgain() throws Exception {
        // given: a first run took two inserts
        String table = "StreamedResume";
        String streamArn = deployment.createSensorDataTableWithStream(table);
        createTableFunction("table-resume");
        mapFromTheStart("table-resume", streamArn);
        putItem(table, "sensor-1", 1, "20", false);
        putItem(table, "sensor-2", 2, "21", false);
        RunnerProcess.Finished first = RunnerProcess.run(MOTO.endpoint(), stateDir, RUN_LIMIT,
                "--function-name", "table-resume", "--function-jar", "table-resume=" + tableFunctionJar,
                "--until-idle", "2");
        assertThat(first.exitCode()).as(first.output()).isZero();
        putItem(table, "sensor-3", 3, "22", false);

        // when
        RunnerProcess.Finished second = RunnerProcess.run(MOTO.endpoint(), stateDir, RUN_LIMIT,
                "--function-name", "table-resume", "--function-jar", "table-resume=" + tableFunctionJar,
                "--until-idle", "2");

        // then
        assertThat(second.exitCode()).as(second.output()).isZero();
        List<String> events = events();
        assertThat(events).as(first.output() + second.output()).hasSize(2);
        assertThat(changes(events.get(0))).containsExactly("INSERT sensor-1", "INSERT sensor-2");
        assertThat(changes(events.get(1))).containsExactly("INSERT sensor-3");
        assertThat(second.output()).contains("starting at AFTER_SEQUENCE_NUMBER");
    }

    @Test
    void runLocal_withoutAFunctionName_playsTheKinesisMappingAndTheTableStreamMapping_eachFunctionInItsOwnJvm()
            throws Exception {
        // given: the pipeline alone at the endpoint: readings on Kinesis -> the ingest function -> SensorData, whose
        // stream feeds the test function
        deployment = LocalDeployment.fresh(MOTO);
        LocalDeployment.Deployed ingest = deployment.ingest("pipeline-ingest", 1);
        createTableFunction("pipeline-alerts");
        mapFromTheStart("pipeline-alerts", deployment.tableStreamArn("SensorData"));
        put(ingest.streamName(), List.of(reading("pipeline", 1), reading("pipeline", 2)));

        // when
        RunnerProcess.Finished run = RunnerProcess.run(MOTO.endpoint(), stateDir, RUN_LIMIT,
                "--function-jar", "pipeline-ingest=" + LocalDeployment.INGEST_JAR,
                "--function-jar", "pipeline-alerts=" + tableFunctionJar, "--until-idle", "3");

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("running every enabled event source mapping")
                .contains("2 functions (").contains("pipeline-ingest").contains("pipeline-alerts");
        assertThat(count("SensorData")).isEqualTo(2);
        List<String> changes = new ArrayList<>();
        for (String event : events()) {
            changes.addAll(changes(event));
        }
        assertThat(changes).as(run.output()).containsExactlyInAnyOrder("INSERT pipeline-1", "INSERT pipeline-2");
        assertThat(run.reportLines()).as(run.output()).filteredOn(line -> line.contains("Init Duration")).hasSize(2);
    }
}

package dev.sensorpipeline.local.runner;

import static dev.sensorpipeline.local.runner.RunLocalIT.reading;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sensorpipeline.local.runner.state.CheckpointStore;
import dev.sensorpipeline.testkit.FaultInjectingProxy;
import dev.sensorpipeline.testkit.FaultPlan;
import dev.sensorpipeline.testkit.LocalAws;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The mapping's OnFailure destination, as Lambda delivers to it: with every DynamoDB write refused and one retry,
 * the batches the function cannot store end as on-failure documents, with their records in S3, as metadata in SQS
 * and SNS;
 * and the runner does not move past records whose document it could not deliver.
 */
class RunLocalFailureDestinationIT extends LocalEndpointFixture {

    private static final String SHARD = "shardId-000000000000";
    private static final Pattern KEY = Pattern.compile("aws/lambda/([0-9a-f-]+)/" + SHARD
            + "/(\\d{4})/(\\d{2})/(\\d{2})/(\\d{4})-(\\d{2})-(\\d{2})T\\d{2}\\.\\d{2}\\.\\d{2}-[0-9a-f-]{36}");

    private static S3Client s3;
    private static SqsClient sqs;
    private static SnsClient sns;

    private FaultInjectingProxy refusingDynamoDb;

    @BeforeAll
    static void buildTheDestinationsClients() {
        s3 =
 S3Client.builder().endpointOverride(MOTO.endpoint()).region(LocalAws.REGION).forcePathStyle(true)
                .credentialsProvider(LocalAws.credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(MOTO.endpoint()).region(LocalAws.REGION)
                .credentialsProvider(LocalAws.credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        sns = SnsClient.builder().endpointOverride(MOTO.endpoint()).region(LocalAws.REGION)
                .credentialsProvider(LocalAws.credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    @BeforeEach
    void refuseEveryDynamoDbWrite() {
        refusingDynamoDb = FaultInjectingProxy.start(MOTO.endpoint(), FaultPlan.builder().dynamoDbDown(true).build());
    }

    @AfterEach
    void stopTheProxy() {
        refusingDynamoDb.close();
    }

    @AfterAll
    static void closeTheDestinationsClients() {
        s3.close();
        sqs.close();
        sns.close();
    }

    @Test
    void runLocal_putsTheDocumentWithTheRecordsInTheBucket_atLambdasKey_whenTheRetriesRunOut() throws Exception {
        // given
        String name = "failures-to-s3";
        s3.createBucket(b -> b.bucket(name));
        List<String> produced = readings(name, 5);
        String uuid = deployFailingFunction(name, "arn:aws:s3:::" + name, produced);

        // when
        RunnerProcess.Finished run = RunnerProcess.run(MOTO.endpoint(), stateDir, RUN_LIMIT,
                "--function-name", name, "--until-idle", "2");

        // then
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        List<S3Object> objects = s3.listObjectsV2(b -> b.bucket(name).prefix("aws/lambda/")).contents();
        assertThat(objects).as(run.output()).isNotEmpty();
        List<String> delivered = new ArrayList<>();
        for (S3Object object : objects) {
            Matcher key = KEY.matcher(object.key());
            assertThat(key.matches()).as(object.key()).isTrue();
            assertThat(key.group(1)).isEqualTo(uuid);
            JsonNode document = LocalDeployment.json(s3.getObjectAsBytes(b -> b.bucket(name).key(object.key()))
                    .asUtf8String());
            assertThat(document.get("timestamp").asText()).startsWith(key.group(2) + "-" + key.group(3) + "-"
                    + key.group(4));
            assertThat(document.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(document.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(2);
            assertThat(document.at("/KinesisBatchInfo/shardId").asText()).isEqualTo(SHARD);
            assertThat(document.get("payload").isTextual()).isTrue();
            for (JsonNode record : LocalDeployment.json(document.get("payload").asText()).get("Records")) {
                delivered.add(new String(Base64.getDecoder().decode(record.at("/kinesis/data").asText()),
                        StandardCharsets.UTF_8));
            }
        }
        assertThat(delivered).containsExactlyElementsOf(produced);
        assertThat(count("SensorData")).isZero();
    }

    @Test
    void runLocal_sendsTheDocumentWithoutTheRecordsToTheQueue_whenTheRetriesRunOut() throws Exception {
        // given
        String name = "failures-to-sqs";
        String queueUrl = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        List<String> produced = readings(name, 5);
        List<String> sequenceNumbers = new ArrayList<>();
        deployFailingFunction(name, "arn:aws:sqs:us-east-1:123456789012:" + name, produced, sequenceNumbers);

        // when
        RunnerProcess.Finished run = RunnerProcess.run(MOTO.endpoint(), stateDir, RUN_LIMIT,
                "--function-name", name, "--until-idle", "2");

        // then
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
        assertThat(messages).as(run.output()).isNotEmpty();
        int batched = 0;
        for (Message message : messages) {
            JsonNode document = LocalDeployment.json(message.body());
            assertThat(document.has("payload")).isFalse();
            assertThat(document.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(document.at("/responseContext/statusCode").asInt()).isEqualTo(200);
            assertThat(document.at("/KinesisBatchInfo/streamArn").asText()).endsWith("/" + name);
            batched += document.at("/KinesisBatchInfo/batchSize").asInt();
        }
        assertThat(batched).isEqualTo(5);
        assertThat(LocalDeployment.json(messages.get(0).body()).at("/KinesisBatchInfo/startSequenceNumber").asText())
                .isEqualTo(sequenceNumbers.get(0));
    }

    @Test
    void runLocal_publishesTheDocumentWithoutTheRecordsToTheTopic_whenTheRetriesRunOut() throws Exception {
        // given: a queue subscribed to the topic, raw, to read what was published
        String name = "failures-to-sns";
        String topicArn = sns.createTopic(b -> b.name(name)).topicArn();
        String queueUrl = sqs.createQueue(b -> b.queueName(name + "-subscriber")).queueUrl();
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").attributes(Map.of("RawMessageDelivery", "true"))
                .endpoint("arn:aws:sqs:us-east-1:123456789012:" + name + "-subscriber"));
        deployFailingFunction(name, topicArn, readings(name, 2));

        // when
        RunnerProcess.Finished run = RunnerProcess.run(MOTO.endpoint(), stateDir, RUN_LIMIT,
                "--function-name", name, "--until-idle", "2");

        // then
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
        assertThat(messages).as(run.output()).singleElement().satisfies(message -> {
            JsonNode document = LocalDeployment.json(message.body());
            assertThat(document.has("payload")).isFalse();
            assertThat(document.at("/KinesisBatchInfo/batchSize").asInt()).isEqualTo(2);
        });
    }

    @Test
    void runLocal_doesNotMovePastRecordsWhoseDocumentItCannotDeliver_andDeliversItOnceTheBucketExists()
            throws Exception {
        // given: the destination bucket does not exist yet
        String name = "failures-to-a-missing-bucket";
        List<String> produced = readings(name, 3);
        String uuid = deployFailingFunction(name, "arn:aws:s3:::" + name, produced);

        try (RunnerProcess runner = RunnerProcess.start(MOTO.endpoint(), stateDir, "--function-name", name,
                "--until-idle", "2")) {
            runner.awaitWhileRunning("a failed delivery", RUN_LIMIT,
                    () -> runner.stderr().contains("cannot deliver the on-failure document"));
            CheckpointStore checkpoints = new CheckpointStore(stateDir.toAbsolutePath().resolve("mappings")
                    .resolve(uuid).resolve("shards"), Clock.systemUTC());
            assertThat(checkpoints.load(SHARD)).as(runner.output()).isEmpty();

            // when
            s3.createBucket(b -> b.bucket(name));
            int exitCode = runner.awaitExit(RUN_LIMIT);

            // then
            String output = runner.output();
            assertThat(exitCode).as(output).isEqualTo(1);
            assertThat(output).contains("S3 refused PutObject to bucket " + name + ": NoSuchBucket");
            assertThat(s3.listObjectsV2(b -> b.bucket(name).prefix("aws/lambda/" + uuid + "/")).contents())
                    .as(output).isNotEmpty();
            assertThat(checkpoints.load(SHARD)).isPresent();
        }
    }

    private static List<String> readings(String prefix, int count) {
        List<String> readings = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            readings.add(reading(prefix, i));
        }
        return readings;
    }

    private String deployFailingFunction(String name, String destination, List<String> records) {
        return deployFailingFunction(name, destination, records, new ArrayList<>());
    }

    /**
     * The ingest function on a stream of its own, its DynamoDB behind the refusing proxy, one attempt per write; its
     * mapping retries once and has this OnFailure destination. Puts the records; returns the mapping's UUID.
     */
    private String deployFailingFunction(String name, String destination, List<String> records,
                                         List<String> sequenceNumbers) {
        String streamArn = deployment.createStream(name, 1);
        URI dynamoDbEndpoint = refusingDynamoDb.endpoint();
        deployment.createFunction(name, LocalDeployment.INGEST_JAR, "--environment", "{\"Variables\":{"
                + "\"TABLE_NAME\":\"SensorData\",\"REJECTS_TABLE_NAME\":\"SensorDataRejects\","
                + "\"CHECK_TABLES_AT_START\":\"false\",\"WRITE_MAX_ATTEMPTS\":\"1\","
                + "\"AWS_ENDPOINT_URL\":\"" + dynamoDbEndpoint + "\","
                + "\"JAVA_TOOL_OPTIONS\":\"" + LocalDeployment.JAVA_TOOL_OPTIONS + "\"}}");
        String uuid = deployment.createMapping(name, streamArn, "--maximum-retry-attempts", "1",
                "--destination-config", "{\"OnFailure\":{\"Destination\":\"" + destination + "\"}}");
        sequenceNumbers.addAll(putInOrder(name, records));
        return uuid;
    }

}

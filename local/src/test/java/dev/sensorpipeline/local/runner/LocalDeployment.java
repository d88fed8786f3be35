package dev.sensorpipeline.local.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensorpipeline.testkit.AwsCli;
import dev.sensorpipeline.testkit.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What scripts/deploy.sh makes, made from the infra/ files with the real aws CLI on a moto_server: the tables and
 * the role once, then for each test a stream, a function (maybe a version and an alias of it) and an event source
 * mapping of its own, with the test's overrides given as aws CLI arguments after the file.
 */
final class LocalDeployment {

    static final String INGEST_JAR = "lambda/target/sensor-ingest-lambda.jar";
    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsCli cli;
    private final String roleArn;

    /** A stream, a function reading it, and their mapping. */
    record Deployed(String functionName, String streamName, String streamArn, String mappingUuid) {
    }

    private LocalDeployment(AwsCli cli, String roleArn) {
        this.cli = cli;
        this.roleArn = roleArn;
    }

    /** Starts from nothing: tables and role from infra/. */
    static LocalDeployment fresh(MotoServer moto) {
        moto.reset();
        AwsCli cli = new AwsCli(moto.endpoint());
        cli.run("dynamodb", "create-table", "--cli-input-json", "file://infra/sensor-data-table.json").orThrow();
        cli.run("dynamodb", "create-table", "--cli-input-json", "file://infra/sensor-data-rejects-table.json")
                .orThrow();
        String roleArn = json(cli.run("iam", "create-role", "--role-name", "sensor-ingest-role",
                "--assume-role-policy-document", "file://infra/lambda-kinesis-role.json").orThrow().stdout())
                .at("/Role/Arn").asText();
        cli.run("iam", "put-role-policy", "--role-name", "sensor-ingest-role", "--policy-name", "sensor-ingest",
                "--policy-document", "file://infra/lambda-permissions-policy.json").orThrow();
        return new LocalDeployment(cli, roleArn);
    }

    AwsCli cli() {
        return cli;
    }

    /** A stream from infra/temperature-sensor-stream.json, named and sized for the test; returns its ARN. */
    String createStream(String name, int shards) {
        cli.run("kinesis", "create-stream", "--cli-input-json", "file://infra/temperature-sensor-stream.json",
                "--stream-name", name, "--shard-count", Integer.toString(shards)).orThrow();
        return json(cli.run("kinesis", "describe-stream-summary", "--stream-name", name).orThrow().stdout())
                .at("/StreamDescriptionSummary/StreamARN").asText();
    }

    /** The function from infra/lambda-function.json, with this name, code and overrides. */
    void createFunction(String name, String zipFile, String... overrides) {
        List<String> args = new ArrayList<>(List.of("lambda", "create-function", "--cli-input-json",
                "file://infra/lambda-function.json", "--function-name", name, "--role", roleArn,
                "--zip-file", "fileb://" + zipFile));
        args.addAll(List.of(overrides));
        cli.run(args.toArray(String[]::new)).orThrow();
    }

    /** The mapping from infra/event-source-mapping.json, for this function and stream, with overrides. */
    String createMapping(String functionName, String streamArn, String... overrides) {
        List<String> args = new ArrayList<>(List.of("lambda", "create-event-source-mapping", "--cli-input-json",
                "file://infra/event-source-mapping.json", "--function-name", functionName,
                "--event-source-arn", streamArn));
        args.addAll(List.of(overrides));
        return json(cli.run(args.toArray(String[]::new)).orThrow().stdout()).get("UUID").asText();
    }

    /** Publishes the function's $LATEST as a version; returns the version's number. */
    String publishVersion(String functionName) {
        return json(cli.run("lambda", "publish-version", "--function-name", functionName).orThrow().stdout())
                .get("Version").asText();
    }

    /** An alias of the function pointing at the version; returns the alias's ARN. */
    String createAlias(String functionName, String alias, String version) {
        return json(cli.run("lambda", "create-alias", "--function-name", functionName, "--name", alias,
                "--function-version", version).orThrow().stdout()).get("AliasArn").asText();
    }

    /**
     * The ingest function, from its jar, published as version 1 with an alias {@code live} pointing at it, on a
     * stream of its own mapped to the alias, as deploy.sh makes it for SnapStart.
     */
    Deployed ingestOnAlias(String name, int shards, String... functionOverrides) {
        String streamArn = createStream(name, shards);
        createFunction(name, INGEST_JAR, functionOverrides);
        String aliasArn = createAlias(name, "live", publishVersion(name));
        return new Deployed(name, name, streamArn, createMapping(aliasArn, streamArn));
    }

    /**
     * The FunctionArn the endpoint keeps for the mapping: moto keeps the version an alias pointed at, AWS the alias.
     */
    String mappingFunctionArn(String uuid) {
        return json(cli.run("lambda", "get-event-source-mapping", "--uuid", uuid).orThrow().stdout())
                .get("FunctionArn").asText();
    }

    /** A table like SensorData, from infra/sensor-data-table.json, under another name. */
    void createSensorDataTable(String name) {
        cli.run("dynamodb", "create-table", "--cli-input-json", "file://infra/sensor-data-table.json",
                "--table-name", name).orThrow();
    }

    /** A table like SensorData, with its stream (NEW_IMAGE, from the infra file); returns the stream's ARN. */
    String createSensorDataTableWithStream(String name) {
        return json(cli.run("dynamodb", "create-table", "--cli-input-json", "file://infra/sensor-data-table.json",
                "--table-name", name).orThrow().stdout()).at("/TableDescription/LatestStreamArn").asText();
    }

    /** The stream of a table made from the infra files (SensorData's, after {@link #fresh}). */
    String tableStreamArn(String table) {
        return json(cli.run("dynamodb", "describe-table", "--table-name", table).orThrow().stdout())
                .at("/Table/LatestStreamArn").asText();
    }

    /** The ingest function, from its jar, on a stream of its own. */
    Deployed ingest(String name, int shards, String... mappingOverrides) {
        String streamArn = createStream(name, shards);
        createFunction(name, INGEST_JAR);
        return new Deployed(name, name, streamArn, createMapping(name, streamArn, mappingOverrides));
    }

    /** {@code --environment} for the ingest function with these tables. */
    static String ingestEnvironment(String table, String rejectsTable) {
        return ingestEnvironment(table, rejectsTable, true);
    }

    static String ingestEnvironment(String table, String rejectsTable, boolean checkTablesAtStart) {
        return "{\"Variables\":{\"TABLE_NAME\":\"" + table + "\",\"REJECTS_TABLE_NAME\":\"" + rejectsTable
                + "\",\"CHECK_TABLES_AT_START\":\"" + checkTablesAtStart
                + "\",\"JAVA_TOOL_OPTIONS\":\"" + JAVA_TOOL_OPTIONS + "\"}}";
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

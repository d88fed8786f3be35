package dev.sensorpipeline.ingest.config;

import dev.sensorpipeline.model.config.ConfigurationException;
import dev.sensorpipeline.model.log.JsonLogger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Checks at start-up that the configured tables exist, so that a misspelt TABLE_NAME fails the container's start-up
 * with a message naming the setting, rather than as a write error half-way through a batch.
 */
public final class TableCheck {

    private static final JsonLogger LOG = JsonLogger.of(TableCheck.class);

    private TableCheck() {
    }

    /**
     * Fails with a {@link ConfigurationException} naming the setting when DynamoDB says the table does not exist.
     * Any other trouble (network, throttling, permissions) is only logged: it may pass, and the writes will say.
     */
    public static void requireTable(DynamoDbClient dynamoDb, String variable, String table, String region) {
        try {
            dynamoDb.describeTable(request -> request.tableName(table));
        } catch (ResourceNotFoundException e) {
            throw new ConfigurationException(variable + "='" + table + "': there is no such table in " + region
                    + ". Create it (scripts/deploy.sh) or set " + variable + " to an existing table");
        } catch (SdkException e) {
            LOG.warn("could not check that a table exists; going on", "setting", variable, "table", table,
                    "error", e.getMessage());
        }
    }
}

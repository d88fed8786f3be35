package dev.sensorpipeline.ingest.store;

import dev.sensorpipeline.ingest.record.SourceRecord;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item to put, and the record it came from, so that a write that fails can be reported by that record's
 * sequence number.
 *
 * @param table  the table's name
 * @param item   the whole item
 * @param source the record the item stands for
 */
public record PendingWrite(String table, Map<String, AttributeValue> item, SourceRecord source) {
}

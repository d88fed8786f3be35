package dev.sensorpipeline.model.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One change to a table's item, as its stream holds it and as Lambda puts it into a record of a DynamoDB event.
 * The item's attributes are kept as DynamoDB JSON text, exactly as the stream gives them
 * ({@code {"SensorId": {"S": "sensor-1"}, "CurrentTime": {"N": "1700000000"}}}).
 *
 * @param eventName                   INSERT, MODIFY or REMOVE
 * @param approximateCreationDateTime when the change was made, to the second
 * @param keys                        the item's key attributes, as DynamoDB JSON
 * @param newImage                    the item after the change, as DynamoDB JSON; null when the stream has none
 * @param oldImage                    the item before the change, as DynamoDB JSON; null when the stream has none
 * @param streamViewType              KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES
 */
public record DynamodbChange(String eventId, String eventName, Instant approximateCreationDateTime, String keys,
                             String newImage, String oldImage, String sequenceNumber, long sizeBytes,
                             String streamViewType) {

    public DynamodbChange {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(approximateCreationDateTime, "approximateCreationDateTime");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        Objects.requireNonNull(streamViewType, "streamViewType");
    }
}

package dev.sensorpipeline.cost;

/**
 * The sizes one reading takes on its way, by the rules of each service: a record's data and partition key in
 * Kinesis, a user record in a KPL aggregate, an item in DynamoDB. Sized for a representative reading, {@code
 * {"sensor_id":"sensor-N","current_time":1764400000,"temperature":73.2,"humidity":41.5}}, with the fleet's longest
 * sensor id.
 */
record ReadingSize(int sensorIdBytes, int jsonBytes, int itemBytes) {

    /** A KPL aggregate's bytes besides its user records: magic (4), MD5 (16), the one explicit hash key (41). */
    static final int AGGREGATE_FIXED_BYTES = 4 + 16 + 41;
    /** A user record's bytes besides its data: field tags, lengths, the key and hash key indexes. */
    static final int USER_RECORD_OVERHEAD_BYTES = 8;
    /** An entry of the aggregate's partition key table, besides the key: its tag and length. */
    static final int KEY_TABLE_OVERHEAD_BYTES = 2;
    /** DynamoDB's per-item overhead, in table and index storage alike. */
    static final int DYNAMODB_ITEM_OVERHEAD_BYTES = 100;

    static ReadingSize of(int sensors, boolean humidity, boolean expiresAt) {
        String sensorId = "sensor-" + sensors;
        String json = "{\"sensor_id\":\"" + sensorId + "\",\"current_time\":1764400000,\"temperature\":73.2"
                + (humidity ? ",\"humidity\":41.5" : "") + "}";
        // DynamoDB sizes an item as its attribute names plus values; a number takes about one byte per two
        // significant digits, plus one: 1764400000 is 6 bytes, 73.2 is 3.
        int item = "SensorId".length() + sensorId.length() + "CurrentTime".length() + 6 + "Temperature".length() + 3
                + (humidity ? "Humidity".length() + 3 : 0) + (expiresAt ? "ExpiresAt".length() + 6 : 0);
        return new ReadingSize(sensorId.length(), json.length(), item);
    }

    /** A plain record as Kinesis counts it against a shard's bytes and the PUT payload unit: data and key. */
    int plainRecordBytes() {
        return jsonBytes + sensorIdBytes;
    }

    /** An aggregate of {@code readings} readings of {@code keys} distinct sensors, with its own partition key. */
    int aggregateBytes(int readings, int keys) {
        return AGGREGATE_FIXED_BYTES + sensorIdBytes + readings * (jsonBytes + USER_RECORD_OVERHEAD_BYTES)
                + keys * (sensorIdBytes + KEY_TABLE_OVERHEAD_BYTES);
    }

    /** Table and TemperatureIndex (projection ALL) storage of one reading: the item twice, each with overhead. */
    int storedBytesWithIndex() {
        return 2 * (itemBytes + DYNAMODB_ITEM_OVERHEAD_BYTES);
    }
}

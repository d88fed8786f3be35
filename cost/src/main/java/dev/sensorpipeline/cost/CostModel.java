package dev.sensorpipeline.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The monthly bill of a workload, for either design, from list prices and the services' published limits. What it
 * assumes is named where it is used and explained in docs/COST.md.
 */
public final class CostModel {

    public static final String SHARD_HOURS = "kinesis shard-hours";
    public static final String PUT_UNITS = "kinesis PUT payload units";
    public static final String INVOCATIONS = "lambda invocations";
    public static final String GB_SECONDS = "lambda GB-seconds";
    public static final String WRITE_UNITS = "dynamodb write request units";
    public static final String STORAGE = "dynamodb storage";
    public static final String LOGS = "cloudwatch logs ingested";
    public static final String METRICS = "cloudwatch metrics, alarms";
    public static final String S3 = "s3";

    /** AWS bills a month as 730 hours. */
    static final double HOURS_PER_MONTH = 730;
    static final double SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
    static final double SECONDS_PER_DAY = 86_400;
    /** A shard takes 1,000 records and 1 MiB (data and partition keys) a second. */
    static final int SHARD_RECORDS_PER_SECOND = 1_000;
    static final int SHARD_BYTES_PER_SECOND = 1_048_576;
    /** A PUT payload unit is 25 KB of one record; the producer's aggregates fill one (--aggregate-max-bytes). */
    static final int PUT_UNIT_BYTES = 25_600;
    /** The event source mapping's BatchSize (infra/event-source-mapping.json). */
    static final int BATCH_SIZE = 100;
    /**
     * Lambda polls a shard about once a second and, with the 1 s batching window, invokes with what came: below 100
     * records a second, one invocation a second. The producer, at a fleet's pace, packs what came due for a shard
     * in about as long, so an aggregate holds at most a second of a shard's readings.
     */
    static final double POLL_SECONDS = 1;
    /** The function's memory (infra/lambda-function.json: 1024 MB), arm64. */
    static final double MEMORY_GB = 1.0;
    /** DynamoDB writes up to 1 KB an item for one write request unit; an LSI costs one more write per put. */
    static final int WRITE_UNIT_BYTES = 1_024;
    static final int INDEX_WRITES_PER_PUT = 1;
    /** TTL deletes typically within a few days of expiry; storage is priced with two days' lag. */
    static final double TTL_DELETION_LAG_DAYS = 2;
    static final double GB = 1024.0 * 1024 * 1024;
    /** DynamoDB's limit on one partition key's items in a table with a local secondary index. */
    static final double ITEM_COLLECTION_LIMIT_BYTES = 10 * GB;

    private final Prices prices;
    private final double msPer100Readings;
    private final double bookMsPerPutItem;

    /**
     * @param msPer100Readings the function's measured Duration for a batch of 100 readings (docs/PERFORMANCE.md)
     * @param bookMsPerPutItem one PutItem's round trip, which the book's function pays once per reading, in turn
     */
    public CostModel(Prices prices, double msPer100Readings, double bookMsPerPutItem) {
        this.prices = prices;
        this.msPer100Readings = msPer100Readings;
        this.bookMsPerPutItem = bookMsPerPutItem;
    }

    /** The month's bill of {@code asked} in {@code design}; the book's design never aggregates, nor expires. */
    public Estimate estimate(Workload asked, Design design) {
        Workload work = design == Design.BOOK ? asked.asTheBookWrites() : asked;
        ReadingSize size = ReadingSize.of(work.sensors(), work.humidity(), work.ttlDays().isPresent());
        List<Estimate.Line> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Stream stream = work.aggregate() ? aggregatedStream(work, size, design) : plainStream(work, size, design);
        kinesis(stream, design, lines);
        double invocations = lambda(work, stream, design, lines, notes);
        dynamoDb(work, size, lines);
        cloudWatch(invocations, design, lines);
        notes.add(itemCollection(work, size, design));
        return new Estimate(design, lines, notes);
    }

    /** Shards at the record and the byte limit, then the PUT payload units of what a record holds. */
    private void kinesis(Stream stream, Design design, List<Estimate.Line> lines) {
        lines.add(new Estimate.Line(SHARD_HOURS, String.format(Locale.ROOT,
                "%s (%d at 1,000 records/s, %d at 1 MiB/s, at least %d) x 730 h", count(stream.shards, "shard"),
                stream.shardsForRecords, stream.shardsForBytes, design.minShards()),
                stream.shards * HOURS_PER_MONTH * prices.kinesisShardHour()));
        double putUnits = stream.recordsPerSecond * stream.unitsPerRecord * SECONDS_PER_MONTH;
        lines.add(new Estimate.Line(PUT_UNITS, String.format(Locale.ROOT, "%s (%s records/s of %,d B, %s each)",
                millions(putUnits), number(stream.recordsPerSecond), stream.recordBytes,
                stream.readingsPerRecord == 1 ? "1 reading" : number(stream.readingsPerRecord) + " readings"),
                putUnits / 1e6 * prices.kinesisPutUnitsMillion()));
    }

    /**
     * Invocations per shard from the batch size and the polling; Duration from the readings in each.
     *
     * @return invocations a month
     */
    private double lambda(Workload work, Stream stream, Design design, List<Estimate.Line> lines,
                          List<String> notes) {
        double readings = work.readingsPerSecond();
        double recordsPerShard = stream.recordsPerSecond / stream.shards;
        double invocationsPerShard = recordsPerShard >= BATCH_SIZE
                ? recordsPerShard / BATCH_SIZE : Math.min(1 / POLL_SECONDS, recordsPerShard);
        double invocationsPerSecond = invocationsPerShard * stream.shards;
        double readingsPerInvocation = readings / invocationsPerSecond;
        double durationMs = Math.ceil(design == Design.BOOK
                ? readingsPerInvocation * bookMsPerPutItem : readingsPerInvocation / 100 * msPer100Readings);
        double invocations = invocationsPerSecond * SECONDS_PER_MONTH;
        lines.add(new Estimate.Line(INVOCATIONS, String.format(Locale.ROOT, "%s (%s a second, %s readings each)",
                millions(invocations), number(invocationsPerSecond), number(readingsPerInvocation)),
                invocations / 1e6 * prices.lambdaRequestsMillion()));
        double gbSeconds = invocations * durationMs / 1000 * MEMORY_GB;
        lines.add(new Estimate.Line(GB_SECONDS, String.format(Locale.ROOT, "%s (%.0f ms a batch at 1,024 MB)",
                number(gbSeconds), durationMs), gbSeconds * prices.lambdaArmGbSecond()));
        double busy = invocationsPerShard * durationMs / 1000;
        if (busy > 1) {
            notes.add(String.format(Locale.ROOT, "%s: a shard's batches take %.1f s a second: the function falls"
                    + " behind; raise ParallelizationFactor or shards", design.label(), busy));
        }
        return invocations;
    }

    /** On-demand: a put of up to 1 KB is one write unit, and the LSI's copy one more; storage bounded by TTL. */
    private void dynamoDb(Workload work, ReadingSize size, List<Estimate.Line> lines) {
        double readings = work.readingsPerSecond();
        int unitsPerReading = (int) Math.ceil(size.itemBytes() / (double) WRITE_UNIT_BYTES)
                * (1 + INDEX_WRITES_PER_PUT);
        double writeUnits = readings * unitsPerReading * SECONDS_PER_MONTH;
        lines.add(new Estimate.Line(WRITE_UNITS, String.format(Locale.ROOT, "%s (%d a reading of %d B: table and"
                + " TemperatureIndex)", millions(writeUnits), unitsPerReading, size.itemBytes()),
                writeUnits / 1e6 * prices.dynamoDbWruMillion()));
        double keptSeconds = keptSeconds(work);
        double storedGb = readings * keptSeconds * size.storedBytesWithIndex() / GB;
        lines.add(new Estimate.Line(STORAGE, String.format(Locale.ROOT, "%s GB in month %d (%s; %d B a reading with"
                        + " the index)", number(storedGb), work.month(), kept(work), size.storedBytesWithIndex()),
                storedGb * prices.dynamoDbGbMonth()));
    }

    /** Lambda's log lines and ours; the EMF metrics and the alarm. No S3 in either design. */
    private void cloudWatch(double invocations, Design design, List<Estimate.Line> lines) {
        double logGb = invocations * design.logBytesPerInvocation() / GB;
        lines.add(new Estimate.Line(LOGS, String.format(Locale.ROOT, "%s GB (%d B an invocation)", number(logGb),
                design.logBytesPerInvocation()), logGb * prices.logsIngestedGb()));
        lines.add(new Estimate.Line(METRICS, count(design.customMetrics(), "EMF metric") + ", "
                + count(design.alarms(), "alarm"), design.customMetrics() * prices.customMetricMonth()
                + design.alarms() * prices.alarmMonth()));
        lines.add(new Estimate.Line(S3, "not used", 0));
    }

    private record Stream(int shards, int shardsForRecords, int shardsForBytes, double recordsPerSecond,
                          int recordBytes, int unitsPerRecord, double readingsPerRecord) {
    }

    private static Stream plainStream(Workload work, ReadingSize size, Design design) {
        double records = work.readingsPerSecond();
        int bytes = size.plainRecordBytes();
        int forRecords = (int) Math.ceil(records / SHARD_RECORDS_PER_SECOND);
        int forBytes = (int) Math.ceil(records * bytes / SHARD_BYTES_PER_SECOND);
        int shards = Math.max(design.minShards(), Math.max(forRecords, forBytes));
        return new Stream(shards, forRecords, forBytes, records, bytes, unitsOf(bytes), 1);
    }

    /**
     * Aggregates fill a PUT payload unit, or hold what a shard gets in a second, whichever is less: the byte limit
     * sets the shards, since a full aggregate's 300 or so readings pass a shard's bytes long before its 1,000
     * records.
     */
    private static Stream aggregatedStream(Workload work, ReadingSize size, Design design) {
        double readings = work.readingsPerSecond();
        int keysAtMost = work.sensors();
        int full = 1;
        while (size.aggregateBytes(full + 1, Math.min(full + 1, keysAtMost)) <= PUT_UNIT_BYTES) {
            full++;
        }
        double bytesPerReading = size.aggregateBytes(full, Math.min(full, keysAtMost)) / (double) full;
        int forBytes = (int) Math.ceil(readings * bytesPerReading / SHARD_BYTES_PER_SECOND);
        int shards = Math.max(design.minShards(), forBytes);
        double perRecord = Math.max(1, Math.min(full, readings / shards * POLL_SECONDS));
        double records = readings / perRecord;
        int forRecords = (int) Math.ceil(records / SHARD_RECORDS_PER_SECOND);
        shards = Math.max(shards, forRecords);
        int keys = (int) Math.ceil(Math.min(perRecord, work.sensors()));
        int bytes = size.aggregateBytes((int) Math.ceil(perRecord), keys);
        return new Stream(shards, forRecords, forBytes, records, bytes, unitsOf(bytes), perRecord);
    }

    private static int unitsOf(int recordBytes) {
        return (recordBytes + PUT_UNIT_BYTES - 1) / PUT_UNIT_BYTES;
    }

    /** How long the readings in the table in the estimate's month have been piling up. */
    private static double keptSeconds(Workload work) {
        double sinceStart = work.month() * SECONDS_PER_MONTH;
        if (work.ttlDays().isEmpty()) {
            return sinceStart;
        }
        return Math.min(sinceStart, (work.ttlDays().getAsInt() + TTL_DELETION_LAG_DAYS) * SECONDS_PER_DAY);
    }

    private static String kept(Workload work) {
        return work.ttlDays().isEmpty()
                ? "no TTL: " + work.month() + " months of readings"
                : String.format(Locale.ROOT, "TTL %d days, deleted within about %.0f more",
                        work.ttlDays().getAsInt(), TTL_DELETION_LAG_DAYS);
    }

    /** When one sensor's items, table and index together, reach 10 GB, after which its writes fail. */
    static String itemCollection(Workload work, ReadingSize size, Design design) {
        double bytesPerDay = work.readingsPerSecond() / work.sensors() * SECONDS_PER_DAY * size.storedBytesWithIndex();
        double days = ITEM_COLLECTION_LIMIT_BYTES / bytesPerDay;
        String head = String.format(Locale.ROOT, "%s: a sensor's item collection grows %s MB a day (%s a second,"
                        + " %d B each with the index)", design.label(), number(bytesPerDay / 1024 / 1024),
                number(work.readingsPerSecond() / work.sensors()), size.storedBytesWithIndex());
        if (work.ttlDays().isPresent()) {
            double peak = bytesPerDay * (work.ttlDays().getAsInt() + TTL_DELETION_LAG_DAYS);
            if (peak < ITEM_COLLECTION_LIMIT_BYTES) {
                return head + String.format(Locale.ROOT, "; with TTL it stays under %s GB: never full",
                        number(peak / GB));
            }
        }
        return head + String.format(Locale.ROOT, "; full (10 GB) after %s days (%s years)", number(days),
                number(days / 365));
    }

    private static String count(int value, String noun) {
        return value + " " + noun + (value == 1 ? "" : "s");
    }

    private static String millions(double value) {
        return number(value / 1e6) + " M";
    }

    /** Three significant figures at least, with thousands separated. */
    static String number(double value) {
        if (value == 0) {
            return "0";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 1) {
            return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}

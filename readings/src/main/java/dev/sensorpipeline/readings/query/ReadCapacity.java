package dev.sensorpipeline.readings.query;

/** The read capacity the queries of one command consumed, as DynamoDB reported it (ReturnConsumedCapacity TOTAL). */
public final class ReadCapacity {

    private double units;
    private long queries;
    private long unreported;

    /** Counts one Query page and the units its response reported, {@code null} when it reported none. */
    synchronized void add(Double capacityUnits) {
        queries++;
        if (capacityUnits == null) {
            unreported++;
        } else {
            units += capacityUnits;
        }
    }

    public synchronized double units() {
        return units;
    }

    public synchronized long queries() {
        return queries;
    }

    /** One line for {@code --verbose}. */
    public synchronized String describe(String table) {
        String line = String.format(java.util.Locale.ROOT, "consumed %.1f read capacity units on %s in %d %s",
                units, table, queries, queries == 1 ? "query" : "queries");
        if (unreported > 0) {
            line += " (" + unreported + " of them reported no consumed capacity: the endpoint does not say)";
        }
        return line;
    }
}

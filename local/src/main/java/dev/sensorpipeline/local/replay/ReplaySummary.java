package dev.sensorpipeline.local.replay;

/**
 * What a replay did, in Kinesis records.
 *
 * @param documents    the failure documents found
 * @param records      the records they hold (for a metadata-only document, its batch size)
 * @param stored       records the function stored (not reported failed, not rejected)
 * @param rejected     records the function sent to the rejects table
 * @param stillFailing records the function reported failed again, or that could not be invoked
 * @param gone         records the stream no longer holds (metadata-only documents)
 * @param unreadable   documents that are not Kinesis on-failure documents
 */
public record ReplaySummary(int documents, long records, long stored, long rejected, long stillFailing, long gone,
                            int unreadable) {

    static final ReplaySummary NONE = new ReplaySummary(0, 0, 0, 0, 0, 0, 0);

    ReplaySummary plus(ReplaySummary other) {
        return new ReplaySummary(documents + other.documents, records + other.records, stored + other.stored,
                rejected + other.rejected, stillFailing + other.stillFailing, gone + other.gone,
                unreadable + other.unreadable);
    }

    /** Everything replayed, or nothing to do. */
    boolean complete() {
        return stillFailing == 0 && gone == 0 && unreadable == 0;
    }

    /** The one line a replay ends with. */
    String line(boolean dryRun) {
        if (dryRun) {
            return "replay (dry run, nothing changed): " + documents + " documents, " + records + " records to replay"
                    + (gone > 0 ? ", " + gone + " gone from the stream" : "")
                    + (unreadable > 0 ? ", " + unreadable + " unreadable documents" : "");
        }
        return "replay: " + documents + " documents, " + records + " records: " + stored + " stored, " + rejected
                + " rejected, " + stillFailing + " still failing"
                + (gone > 0 ? ", " + gone + " gone from the stream" : "")
                + (unreadable > 0 ? ", " + unreadable + " unreadable documents" : "");
    }
}

package dev.sensorpipeline.local.replay;

import java.util.List;
import java.util.Set;

/** Where the function sends records that can never be readings, keyed by their Kinesis {@code eventID}. */
public interface Rejects {

    /** Those of the event ids the function rejected; a {@link StoreUnavailableException} when it cannot tell. */
    Set<String> rejected(List<String> eventIds);
}

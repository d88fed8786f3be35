package dev.sensorpipeline.local.runner.delivery;

import dev.sensorpipeline.local.runner.stream.StreamRecord;
import java.util.List;

/**
 * What to do after an invocation.
 *
 * @param acknowledged      how many records at the front of the segment the function took
 * @param checkpointAfter   the sequence number every record up to which is done, or null when none is yet
 * @param discarded         records given up on, in order (never silently: they are reported)
 * @param next              the segments to send next, in order, before anything newer from the shard
 */
public record Step(int acknowledged, String checkpointAfter, List<StreamRecord> discarded, List<Segment> next) {

    public Step {
        discarded = List.copyOf(discarded);
        next = List.copyOf(next);
    }
}

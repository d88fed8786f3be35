package dev.sensorpipeline.testkit;

import dev.sensorpipeline.testkit.Upstream.UpstreamFailure;

/** Kinesis {@code GetRecords}: calls throttled. */
final class GetRecordsFault implements OperationFault {

    @Override
    public ProxyOutcome handle(ProxyRequest request, FaultDice dice, Upstream upstream) throws UpstreamFailure {
        FaultDice.Draw draw = dice.draw(dice.getRecords, 0, 0.0);
        if (draw.call() < dice.plan.throttleGetRecords()) {
            // The shard iterator is opaque, so the message cannot name the shard as Kinesis's does.
            byte[] error = AwsJsonRewrites.kinesisThrottled("Rate exceeded for shard.");
            return ProxyOutcome.throttled(request.awsReply(400, error));
        }
        return ProxyOutcome.forwarded(upstream.forward(request));
    }
}

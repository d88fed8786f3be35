package dev.sensorpipeline.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sensorpipeline.testkit.Upstream.UpstreamFailure;
import java.util.BitSet;

/**
 * Kinesis {@code PutRecords}: the whole call throttled, or entries refused with
 * {@code ErrorCode: ProvisionedThroughputExceededException}: only the others are forwarded, and the response keeps
 * the request's length and order.
 */
final class PutRecordsFault implements OperationFault {

    @Override
    public ProxyOutcome handle(ProxyRequest request, FaultDice dice, Upstream upstream) throws UpstreamFailure {
        ObjectNode body = AwsJsonRewrites.parseObject(request.body());
        int entries = body != null && body.path("Records").isArray() ? body.path("Records").size() : 0;
        if (entries == 0) {
            return ProxyOutcome.forwarded(upstream.forward(request));
        }
        FaultPlan plan = dice.plan;
        FaultDice.Draw draw = dice.draw(dice.putRecords, entries, plan.refusePutRecordsEntries());
        String message = AwsJsonRewrites.shardRateExceeded(body);
        if (draw.call() < plan.throttlePutRecords()) {
            return ProxyOutcome.throttled(request.awsReply(400, AwsJsonRewrites.kinesisThrottled(message)));
        }
        BitSet refuse = draw.parts();
        if (refuse.isEmpty()) {
            return ProxyOutcome.forwarded(upstream.forward(request));
        }
        if (refuse.cardinality() == entries) {
            byte[] response = AwsJsonRewrites.bytes(AwsJsonRewrites.allRefused(entries, message));
            return ProxyOutcome.answered(request.awsReply(200, response)).refusing(entries);
        }
        ProxyReply reply = upstream.forward(request.withBody(
                AwsJsonRewrites.bytes(AwsJsonRewrites.keepRecords(body, refuse))));
        ObjectNode response = reply.status() == 200 ? AwsJsonRewrites.parseObject(reply.body()) : null;
        if (response == null) {
            return ProxyOutcome.forwarded(reply);
        }
        byte[] merged = AwsJsonRewrites.bytes(
                AwsJsonRewrites.withRefusedEntries(response, entries, refuse, message));
        return ProxyOutcome.forwarded(reply.withBody(merged)).refusing(refuse.cardinality());
    }
}

package dev.sensorpipeline.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sensorpipeline.testkit.Upstream.UpstreamFailure;

/**
 * DynamoDB {@code BatchWriteItem}: HTTP 400 {@code ProvisionedThroughputExceededException} or HTTP 500
 * {@code InternalServerError} without forwarding; or only some write requests forwarded and the others returned in
 * {@code UnprocessedItems}, as DynamoDB does under partial throttling. When every write request of a call would be
 * withheld, the call is throttled instead, as DynamoDB does when it can write none.
 */
final class BatchWriteItemFault implements OperationFault {

    @Override
    public ProxyOutcome handle(ProxyRequest request, FaultDice dice, Upstream upstream) throws UpstreamFailure {
        ObjectNode body = AwsJsonRewrites.parseObject(request.body());
        if (body == null) {
            return ProxyOutcome.forwarded(upstream.forward(request));
        }
        FaultPlan plan = dice.plan;
        int items = AwsJsonRewrites.countWriteRequests(body);
        FaultDice.Draw draw = dice.draw(dice.batchWriteItem, items, plan.leaveItemsUnprocessed());
        if (draw.call() < plan.throttleBatchWriteItem()) {
            return ProxyOutcome.throttled(request.awsReply(400, AwsJsonRewrites.dynamoDbThrottled()));
        }
        if (draw.call() < plan.throttleBatchWriteItem() + plan.failBatchWriteItem()) {
            return ProxyOutcome.failed(request.awsReply(500, AwsJsonRewrites.dynamoDbInternalServerError()));
        }
        if (draw.parts().isEmpty()) {
            return ProxyOutcome.forwarded(upstream.forward(request));
        }
        if (draw.parts().cardinality() == items) {
            // DynamoDB throttles the call when it can write none of the items, rather than return them all.
            return ProxyOutcome.throttled(request.awsReply(400, AwsJsonRewrites.dynamoDbThrottled()));
        }
        AwsJsonRewrites.BatchWriteSplit split = AwsJsonRewrites.splitBatchWrite(body, draw.parts());
        ProxyReply reply = upstream.forward(request.withBody(AwsJsonRewrites.bytes(split.forwarded())));
        ObjectNode response = reply.status() == 200 ? AwsJsonRewrites.parseObject(reply.body()) : null;
        if (response == null) {
            // The upstream refused the call, so no item is left "unprocessed": the client sees the upstream's error.
            return ProxyOutcome.forwarded(reply);
        }
        byte[] merged = AwsJsonRewrites.bytes(AwsJsonRewrites.withUnprocessedItems(response, split.withheld()));
        return ProxyOutcome.forwarded(reply.withBody(merged)).leavingUnprocessed(split.count());
    }
}

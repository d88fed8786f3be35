package dev.sensorpipeline.testkit;

/** Every DynamoDB call answered HTTP 500 {@code InternalServerError}, unforwarded, while the plan says it is down. */
final class DynamoDbDownFault implements OperationFault {

    /** Whether this call is one the fault takes: a DynamoDB call while the plan has DynamoDB down. */
    static boolean applies(ProxyRequest request, FaultDice dice) {
        String target = request.target();
        return target != null && target.startsWith(FaultInjectingProxy.DYNAMODB_TARGET_PREFIX)
                && dice.plan.dynamoDbDown();
    }

    @Override
    public ProxyOutcome handle(ProxyRequest request, FaultDice dice, Upstream upstream) {
        return ProxyOutcome.failed(request.awsReply(500, AwsJsonRewrites.dynamoDbInternalServerError()));
    }
}

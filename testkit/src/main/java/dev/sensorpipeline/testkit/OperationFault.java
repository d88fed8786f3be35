package dev.sensorpipeline.testkit;

import dev.sensorpipeline.testkit.Upstream.UpstreamFailure;

/**
 * The faults of one AWS operation: given a call and the dice, answer it made up, forward it as it is, or forward part
 * of it and rewrite the answer as the service would under that fault.
 */
interface OperationFault {

    ProxyOutcome handle(ProxyRequest request, FaultDice dice, Upstream upstream) throws UpstreamFailure;
}

package dev.sensorpipeline.local.runner.function;

import java.util.Objects;

/**
 * What Lambda's synchronous Invoke answers: the request's id, the version that ran ({@code X-Amz-Executed-Version})
 * and the function's result (its response, or its error: {@code X-Amz-Function-Error}).
 */
public record InvocationResult(String requestId, String executedVersion, FunctionResult result) {

    public InvocationResult {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(executedVersion, "executedVersion");
        Objects.requireNonNull(result, "result");
    }

    /** True when the function failed (Lambda's {@code FunctionError: Unhandled}), not when it reported failures. */
    public boolean functionError() {
        return result instanceof FunctionResult.Error;
    }
}

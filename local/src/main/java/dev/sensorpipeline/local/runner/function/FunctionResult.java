package dev.sensorpipeline.local.runner.function;

/** What one invocation came to, as the event source mapping sees it. */
public sealed interface FunctionResult {

    /** The function returned; {@code body} is its serialized response. */
    record Response(byte[] body) implements FunctionResult {
    }

    /**
     * The function failed: it threw ({@code Unhandled}, the runtime's error type), timed out
     * ({@code Sandbox.Timedout}), its runtime exited ({@code Runtime.ExitError}) or could not start.
     */
    record Error(String errorType, String errorMessage) implements FunctionResult {
    }
}

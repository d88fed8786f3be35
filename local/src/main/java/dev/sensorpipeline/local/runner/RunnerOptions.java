package dev.sensorpipeline.local.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a run needs besides the endpoint's clients.
 *
 * @param functionName   the function whose mappings are run ({@code --function-name}); null: every enabled mapping
 *                       at the endpoint, each function's in an execution environment of its own
 * @param functionJars   the code of each function
 * @param untilIdle      stop once every shard has been caught up, with nothing delivered, for this long; null: never
 * @param maxRuntime     stop after this long; null: never
 * @param endpoint       the endpoint for messages: its URL, or "AWS"
 * @param awsEnvironment what the function's JVM gets to reach AWS: region, endpoint, credentials
 */
public record RunnerOptions(String functionName, FunctionJars functionJars, Path runtimeDir, Path stateDir, Duration untilIdle,
                            Duration maxRuntime, Duration pollInterval, String region, String endpoint,
                            Map<String, String> awsEnvironment) {

    public RunnerOptions {
        awsEnvironment = Map.copyOf(awsEnvironment);
    }
}

package dev.sensorpipeline.local.runner.config;

import java.time.Duration;
import java.util.Map;

/**
 * The function as {@code GetFunctionConfiguration} describes it: what its execution environments are made from.
 * Two configurations that differ in anything (also {@code lastModified}, as after an update that changed nothing)
 * need new execution environments, as in Lambda.
 */
public record FunctionConfiguration(String name, String arn, String runtime, String handler, String role,
                                    Duration timeout, int memoryMb, Map<String, String> environment, String version,
                                    String lastModified, String codeSha256) {

    public FunctionConfiguration {
        environment = Map.copyOf(environment);
    }

    /** The published version, or {@code $LATEST}; endpoints that give no version describe $LATEST. */
    public String versionOrLatest() {
        return version == null ? FunctionArn.LATEST : version;
    }
}

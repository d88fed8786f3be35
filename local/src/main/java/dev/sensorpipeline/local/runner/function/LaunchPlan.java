package dev.sensorpipeline.local.runner.function;

import dev.sensorpipeline.local.runner.config.FunctionConfiguration;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * How an execution environment's JVM is started, after Lambda's Java runtime: the runtime interface client
 * ({@code AWSLambda}) on the system class path with the libraries of {@code /var/runtime/lib}, the handler as its
 * argument, the function's code unpacked in the task root (its working directory, from which the client's
 * customer class loader loads it, with the task root's {@code lib/*.jar}), the heap sized from the function's
 * memory as Lambda's bootstrap does, and the function's environment plus Lambda's reserved variables.
 *
 * @param awsEnvironment region, endpoint and credentials for the function, as Lambda gives it its role's
 */
public record LaunchPlan(Path javaBinary, List<Path> runtimeClasspath, Path nativeClient, Path taskRoot,
                         Path runtimeDir, Map<String, String> awsEnvironment) {

    public static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** The client loads its JNI library from here instead of unpacking it to a fixed, shared path in /tmp. */
    static final String NATIVE_CLIENT_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    public LaunchPlan {
        runtimeClasspath = List.copyOf(runtimeClasspath);
        awsEnvironment = Map.copyOf(awsEnvironment);
    }

    public List<String> command(FunctionConfiguration function) {
        long memoryKb = function.memoryMb() * 1024L;
        List<String> command = new ArrayList<>();
        command.add(javaBinary.toString());
        command.add("-XX:MaxHeapSize=" + memoryKb * 85 / 100 + "k");
        command.add("-XX:MaxMetaspaceSize=" + memoryKb * 10 / 100 + "k");
        command.add("-XX:ReservedCodeCacheSize=" + memoryKb * 5 / 100 + "k");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-Djava.net.preferIPv4Stack=true");
        command.add("-D" + NATIVE_CLIENT_PROPERTY + "=" + nativeClient);
        command.add("-classpath");
        command.add(runtimeClasspath.stream().map(Path::toString).collect(Collectors.joining(":")));
        command.add(MAIN_CLASS);
        command.add(function.handler());
        return command;
    }

    public Map<String, String> environment(FunctionConfiguration function, String runtimeApi) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.put("LANG", "en_US.UTF-8");
        environment.put("TZ", ":UTC");
        environment.putAll(function.environment());
        if (awsEnvironment.containsKey("AWS_ENDPOINT_URL")) {
            environment.putIfAbsent("AWS_ENDPOINT_URL", awsEnvironment.get("AWS_ENDPOINT_URL"));
        }
        awsEnvironment.forEach((key, value) -> {
            if (!key.equals("AWS_ENDPOINT_URL")) {
                environment.put(key, value);
            }
        });
        environment.put("_HANDLER", function.handler());
        environment.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        environment.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        environment.put("LAMBDA_RUNTIME_DIR", runtimeDir.toString());
        environment.put("AWS_EXECUTION_ENV",
                "AWS_Lambda_" + (function.runtime() == null ? "java" : function.runtime()));
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", function.versionOrLatest());
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName(function.versionOrLatest()));
        return environment;
    }

    public ProcessBuilder processFor(FunctionConfiguration function, String runtimeApi) {
        ProcessBuilder builder = new ProcessBuilder(command(function)).directory(taskRoot.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment(function, runtimeApi));
        return builder;
    }

    /**
     * {@code 2026/11/29/[$LATEST]0123456789abcdef0123456789abcdef}, or {@code [2]} for version 2, as Lambda names an
     * environment's stream.
     */
    private static String logStreamName(String version) {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))
                + "/[" + version + "]" + HexFormat.of().formatHex(id);
    }
}

package dev.sensorpipeline.local.runner;

import dev.sensorpipeline.local.runner.base.SetupException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The code each function runs, from {@code --function-jar}: {@code NAME=JAR} for the function NAME (repeatable), or a
 * plain {@code JAR} (the last one given wins).
 * <p>
 * With one function chosen ({@code --function-name}), a plain JAR wins, then the function's {@code NAME=JAR}, then
 * the ingest function's jar. With every mapping run, a function's {@code NAME=JAR} wins, then the plain JAR; a
 * function with neither is an error that says what to pass.
 *
 * @param plain null when no plain JAR was given
 */
public record FunctionJars(Map<String, Path> named, Path plain) {

    /** What the runner runs for a chosen function given no jar at all. */
    static final Path DEFAULT_JAR = Path.of("lambda/target/sensor-ingest-lambda.jar");

    /** A function name as Lambda allows it, before the {@code =}. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    public FunctionJars {
        named = Map.copyOf(named);
    }

    /** Reads {@code --function-jar} values in the order given; null or empty: none. */
    public static FunctionJars parse(List<String> values) {
        Map<String, Path> named = new LinkedHashMap<>();
        Path plain = null;
        for (String value : values == null ? List.<String>of() : values) {
            int equals = value.indexOf('=');
            if (equals > 0 && NAME.matcher(value.substring(0, equals)).matches()) {
                if (equals == value.length() - 1) {
                    throw new SetupException("--function-jar " + value + " names no jar: pass NAME=JAR");
                }
                named.put(value.substring(0, equals), Path.of(value.substring(equals + 1)));
            } else {
                plain = Path.of(value);
            }
        }
        return new FunctionJars(named, plain);
    }

    /** The jar of the function chosen with {@code --function-name}. */
    public Path forChosen(String functionName) {
        if (plain != null) {
            return plain;
        }
        return named.getOrDefault(functionName, DEFAULT_JAR);
    }

    /** The jar of a function whose mappings the runner runs along with every other's. */
    public Path forEvery(String functionName) {
        Path jar = named.get(functionName);
        if (jar != null) {
            return jar;
        }
        if (plain != null) {
            return plain;
        }
        throw new SetupException("the function '" + functionName + "' has enabled event source mappings, and no"
                + " jar was given for it: pass --function-jar " + functionName + "=JAR (or choose the functions to"
                + " run with --function-name)");
    }
}

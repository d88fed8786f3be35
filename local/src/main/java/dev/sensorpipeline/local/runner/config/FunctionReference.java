package dev.sensorpipeline.local.runner.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function as Lambda's API takes its {@code FunctionName}: a name ({@code sensor-ingest}), a partial ARN
 * ({@code 123456789012:function:sensor-ingest}) or an ARN, each optionally followed by {@code :QUALIFIER}, a version
 * or an alias ({@code sensor-ingest:live}). Split into the function and the qualifier.
 *
 * @param function  the reference without its qualifier
 * @param qualifier the version or alias; null when none was given
 */
public record FunctionReference(String function, String qualifier) {

    /** Lambda's pattern for FunctionName, with the qualifier apart. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<function>(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d:)?(\\d{12}:)?"
                    + "(function:)?[a-zA-Z0-9_-]+)(:(?<qualifier>\\$LATEST|[a-zA-Z0-9_-]+))?");

    /** A text that is no function reference at all is taken whole, unqualified: the endpoint will say what it is. */
    public static FunctionReference parse(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        if (!matcher.matches()) {
            return new FunctionReference(text, null);
        }
        return new FunctionReference(matcher.group("function"), matcher.group("qualifier"));
    }

    public boolean isQualified() {
        return qualifier != null;
    }

    /**
     * What to ask GetFunctionConfiguration for: {@code NAME:$LATEST} means what {@code NAME} does, and some endpoints
     * (moto) answer the former with a 404 page.
     */
    public String forRequest() {
        return qualifier == null || FunctionArn.LATEST.equals(qualifier) ? function : function + ":" + qualifier;
    }
}

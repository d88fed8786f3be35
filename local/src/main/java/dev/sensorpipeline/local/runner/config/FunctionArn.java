package dev.sensorpipeline.local.runner.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function's full ARN, {@code arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]}, in its parts. Two
 * ARNs name the same function when their partition, region, account and name are equal, whatever their qualifiers:
 * comparing strings instead would take {@code sensor-ingest-baseline}'s ARNs for {@code sensor-ingest}'s, its name
 * being a prefix of the other's.
 *
 * @param qualifier a version or an alias; null when the ARN is unqualified
 */
public record FunctionArn(String partition, String region, String account, String name, String qualifier) {

    /** What an unqualified ARN invokes. */
    public static final String LATEST = "$LATEST";

    private static final Pattern ARN = Pattern.compile(
            "arn:(?<partition>aws[a-zA-Z-]*):lambda:(?<region>[a-z0-9-]+):(?<account>\\d{12}):function:"
                    + "(?<name>[a-zA-Z0-9_-]+)(:(?<qualifier>\\$LATEST|[a-zA-Z0-9_-]+))?");

    /** Throws {@link IllegalArgumentException} when {@code arn} is not a function's ARN. */
    public static FunctionArn parse(String arn) {
        return tryParse(arn).orElseThrow(() -> new IllegalArgumentException("not a Lambda function's ARN: " + arn));
    }

    /** Empty when {@code arn} is null or not a function's ARN (a layer's, say). */
    public static Optional<FunctionArn> tryParse(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        Matcher matcher = ARN.matcher(arn);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new FunctionArn(matcher.group("partition"), matcher.group("region"),
                matcher.group("account"), matcher.group("name"), matcher.group("qualifier")));
    }

    public FunctionArn unqualified() {
        return new FunctionArn(partition, region, account, name, null);
    }

    public boolean isSameFunctionAs(FunctionArn other) {
        return partition.equals(other.partition) && region.equals(other.region) && account.equals(other.account)
                && name.equals(other.name);
    }

    /** The version or alias invoked; {@code $LATEST} for an unqualified ARN, which invokes it. */
    public String qualifierOrLatest() {
        return qualifier == null ? LATEST : qualifier;
    }

    /** The same function with this qualifier. */
    public FunctionArn qualified(String newQualifier) {
        return new FunctionArn(partition, region, account, name, newQualifier);
    }

    /** True when the qualifier names an alias: neither a version number nor {@code $LATEST}. */
    public boolean isAlias() {
        return isAlias(qualifier);
    }

    /** True when {@code qualifier} names an alias: neither a version number nor {@code $LATEST}, nor absent. */
    public static boolean isAlias(String qualifier) {
        return qualifier != null && !LATEST.equals(qualifier) && !qualifier.chars().allMatch(Character::isDigit);
    }

    /** {@code NAME} or {@code NAME:QUALIFIER}, for messages and {@code --function-name}. */
    public String shortName() {
        return qualifier == null ? name : name + ":" + qualifier;
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":lambda:" + region + ":" + account + ":function:" + shortName();
    }
}

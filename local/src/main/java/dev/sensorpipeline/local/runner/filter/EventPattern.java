package dev.sensorpipeline.local.runner.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * One filter's {@code Pattern}, as Lambda's event filtering reads it (the EventBridge pattern syntax): an object whose
 * fields name the record's fields; a nested object goes down into the record, an array lists the values a field may
 * have (any one will do). Every field of the pattern must match (AND); {@code "$or": [pattern, ...]} takes any one.
 *
 * <p>The values of the array: a string, number, boolean or null matches that value exactly ({@code ""} the empty
 * string); {@code {"prefix": "s"}}, {@code {"suffix": "s"}}, {@code {"equals-ignore-case": "s"}} strings;
 * {@code {"numeric": [">", 0, "<=", 5]}} numbers (and numeric strings, as DynamoDB's {@code N} values are);
 * {@code {"exists": true|false}} whether the field is there at all; {@code {"anything-but": value | [values] |
 * {"prefix": "s"}}} any value but those. A field the record lacks matches only {@code {"exists": false}} (and
 * {@code anything-but} does not match it); a record field that is an array matches when any element does.
 */
final class EventPattern {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String text;
    private final JsonNode pattern;

    private EventPattern(String text, JsonNode pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    static EventPattern parse(String text) {
        JsonNode pattern;
        try {
            pattern = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw invalid(text, "it is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (pattern == null || !pattern.isObject()) {
            throw invalid(text, "it is not a JSON object");
        }
        check(text, pattern);
        return new EventPattern(text, pattern);
    }

    boolean matches(JsonNode record) {
        return matchesObject(pattern, record);
    }

    @Override
    public String toString() {
        return text;
    }

    private static boolean matchesObject(JsonNode pattern, JsonNode record) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if ("$or".equals(field.getKey())) {
                boolean any = false;
                for (JsonNode alternative : field.getValue()) {
                    any |= matchesObject(alternative, record);
                }
                if (!any) {
                    return false;
                }
                continue;
            }
            JsonNode value = record == null || !record.isObject() ? null : record.get(field.getKey());
            boolean matched = field.getValue().isObject()
                    ? value != null && matchesObject(field.getValue(), value)
                    : matchesValues(field.getValue(), value);
            if (!matched) {
                return false;
            }
        }
        return true;
    }

    /** A field against the pattern's array of values; {@code value} null when the record lacks the field. */
    private static boolean matchesValues(JsonNode values, JsonNode value) {
        for (JsonNode rule : values) {
            if (matchesRule(rule, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesRule(JsonNode rule, JsonNode value) {
        if (rule.isObject() && rule.has("exists")) {
            return rule.get("exists").asBoolean() == (value != null);
        }
        if (value == null) {
            return false;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (matchesRule(rule, element)) {
                    return true;
                }
            }
            return false;
        }
        if (!rule.isObject()) {
            return equalsExactly(rule, value);
        }
        Map.Entry<String, JsonNode> operator = rule.fields().next();
        JsonNode argument = operator.getValue();
        return switch (operator.getKey()) {
            case "prefix" -> value.isTextual() && value.asText().startsWith(argument.asText());
            case "suffix" -> value.isTextual() && value.asText().endsWith(argument.asText());
            case "equals-ignore-case" -> value.isTextual()
                    && value.asText().toLowerCase(Locale.ROOT).equals(argument.asText().toLowerCase(Locale.ROOT));
            case "numeric" -> numeric(argument, value);
            case "anything-but" -> !anythingButExcludes(argument, value);
            default -> false;
        };
    }

    private static boolean anythingButExcludes(JsonNode argument, JsonNode value) {
        if (argument.isArray()) {
            for (JsonNode excluded : argument) {
                if (equalsExactly(excluded, value)) {
                    return true;
                }
            }
            return false;
        }
        if (argument.isObject() && argument.has("prefix")) {
            return value.isTextual() && value.asText().startsWith(argument.get("prefix").asText());
        }
        return equalsExactly(argument, value);
    }

    private static boolean equalsExactly(JsonNode expected, JsonNode value) {
        if (expected.isNumber()) {
            return value.isNumber() && value.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        if (expected.isNull()) {
            return value.isNull();
        }
        if (expected.isBoolean()) {
            return value.isBoolean() && value.asBoolean() == expected.asBoolean();
        }
        return value.isTextual() && value.asText().equals(expected.asText());
    }

    /** {@code [">", 0, "<=", 5]}: every comparison holds. */
    private static boolean numeric(JsonNode comparisons, JsonNode value) {
        BigDecimal number = number(value);
        if (number == null) {
            return false;
        }
        for (int i = 0; i + 1 < comparisons.size(); i += 2) {
            int order = number.compareTo(comparisons.get(i + 1).decimalValue());
            boolean holds = switch (comparisons.get(i).asText()) {
                case "=" -> order == 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case ">=" -> order >= 0;
                default -> false;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** A number, or a string holding one (DynamoDB's N); null otherwise. */
    private static BigDecimal number(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText().trim());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    /** Refuses, naming it, what Lambda would refuse at create-event-source-mapping. */
    private static void check(String text, JsonNode pattern) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if ("$or".equals(field.getKey())) {
                if (!value.isArray() || value.isEmpty()) {
                    throw invalid(text, "$or takes a list of patterns");
                }
                value.forEach(alternative -> {
                    if (!alternative.isObject()) {
                        throw invalid(text, "$or takes a list of patterns");
                    }
                    check(text, alternative);
                });
            } else if (value.isObject()) {
                check(text, value);
            } else if (!value.isArray() || value.isEmpty()) {
                throw invalid(text, "the field '" + field.getKey() + "' has " + value
                        + ": a field's values are a non-empty list, or an object to match deeper");
            } else {
                for (JsonNode rule : value) {
                    checkRule(text, field.getKey(), rule);
                }
            }
        }
    }

    private static void checkRule(String text, String field, JsonNode rule) {
        if (!rule.isObject()) {
            if (rule.isArray()) {
                throw invalid(text, "the field '" + field + "' lists a list");
            }
            return;
        }
        if (rule.size() != 1) {
            throw invalid(text, "the field '" + field + "' has an operator object of " + rule.size() + " fields");
        }
        String operator = rule.fieldNames().next();
        JsonNode argument = rule.get(operator);
        boolean valid = switch (operator) {
            case "prefix", "suffix", "equals-ignore-case" -> argument.isTextual();
            case "exists" -> argument.isBoolean();
            case "anything-but" -> !argument.isObject() || argument.has("prefix");
            case "numeric" -> validNumeric(argument);
            default -> false;
        };
        if (!valid) {
            throw invalid(text, "the field '" + field + "' has the operator " + rule + ", which Lambda does not take"
                    + " (prefix, suffix, equals-ignore-case, numeric, exists, anything-but)");
        }
    }

    private static boolean validNumeric(JsonNode argument) {
        if (!argument.isArray() || argument.isEmpty() || argument.size() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < argument.size(); i += 2) {
            if (!argument.get(i).isTextual() || !argument.get(i + 1).isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("the filter pattern " + text + " is not one Lambda takes: " + why);
    }
}

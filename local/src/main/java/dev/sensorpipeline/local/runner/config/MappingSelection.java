package dev.sensorpipeline.local.runner.config;

import dev.sensorpipeline.local.runner.base.Console;
import dev.sensorpipeline.local.runner.base.SetupException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Kinesis event source mappings a run reads, and the one thing they all invoke: the function ($LATEST), a
 * version or an alias, as the mappings' {@code FunctionArn} says. The runner runs one function configuration, that
 * of {@link #invokedFunctionArn()}, so the enabled mappings it reads must agree on it.
 * <p>
 * When the runner is given a qualified name ({@code sensor-ingest:live}), it reads the mappings that invoke that
 * qualifier; if none does, those that invoke the version it resolves to now: moto records the version an alias
 * pointed at when a mapping was made on the alias, where AWS keeps the alias. {@code NAME:$LATEST} chooses the
 * unqualified mappings.
 *
 * @param invokedFunctionArn the mappings' FunctionArn, as the endpoint gave it: what Lambda invokes, and the ARN it
 *                           gives the function as the invoked one
 */
public record MappingSelection(String invokedFunctionArn, List<EventSourceMapping> mappings) {

    public MappingSelection {
        mappings = List.copyOf(mappings);
    }

    /**
     * @param functionName     the function's name, for messages
     * @param qualifier        the version or alias the runner was given with the name; null: whatever the mappings
     *                         invoke
     * @param qualifierVersion the version {@code qualifier} resolves to now
     * @param functionMappings the function's Kinesis mappings, at least one, whatever they invoke
     */
    public static MappingSelection choose(String functionName, String qualifier, String qualifierVersion,
                                          List<EventSourceMapping> functionMappings, Console console) {
        List<EventSourceMapping> chosen = qualifier == null ? functionMappings
                : ofQualifier(functionName, qualifier, qualifierVersion, functionMappings);
        List<EventSourceMapping> enabled = enabled(functionName, chosen, console);
        Map<String, List<EventSourceMapping>> byQualifier = byQualifier(enabled);
        if (byQualifier.size() > 1) {
            throw new SetupException("the enabled Kinesis event source mappings of '" + functionName + "' invoke "
                    + byQualifier.size() + " different versions or aliases, and the runner runs one function"
                    + " configuration: " + describe(byQualifier) + ". Choose one with --function-name "
                    + names(byQualifier) + ", or disable the others with aws lambda update-event-source-mapping"
                    + " --no-enabled --uuid UUID");
        }
        return new MappingSelection(enabled.get(0).functionArn(), enabled);
    }

    private static List<EventSourceMapping> ofQualifier(String functionName, String qualifier, String qualifierVersion,
                                                        List<EventSourceMapping> functionMappings) {
        List<EventSourceMapping> chosen = invoking(qualifier, functionMappings);
        if (chosen.isEmpty() && qualifierVersion != null) {
            chosen = invoking(qualifierVersion, functionMappings);
        }
        if (chosen.isEmpty()) {
            String resolved = qualifierVersion == null || qualifierVersion.equals(qualifier) ? ""
                    : " (now version " + qualifierVersion + ")";
            throw new SetupException("no Kinesis event source mapping of '" + functionName + "' invokes '"
                    + functionName + ":" + qualifier + "'" + resolved + "; its mappings invoke "
                    + describe(byQualifier(functionMappings)) + ". Name one of those with --function-name, or the"
                    + " function alone to read them all");
        }
        return chosen;
    }

    private static List<EventSourceMapping> invoking(String qualifier, List<EventSourceMapping> mappings) {
        return mappings.stream().filter(mapping -> mapping.invokedFunction().qualifierOrLatest().equals(qualifier))
                .toList();
    }

    private static List<EventSourceMapping> enabled(String functionName, List<EventSourceMapping> mappings,
                                                    Console console) {
        List<EventSourceMapping> enabled = new ArrayList<>();
        for (EventSourceMapping mapping : mappings) {
            if (mapping.isEnabled()) {
                enabled.add(mapping);
            } else {
                console.warn("mapping " + mapping.uuid() + " is " + mapping.state() + "; not reading it");
            }
        }
        if (enabled.isEmpty()) {
            throw new SetupException("every Kinesis event source mapping of '" + functionName + "' is disabled:"
                    + " enable one with aws lambda update-event-source-mapping --enabled --uuid "
                    + mappings.get(0).uuid());
        }
        return enabled;
    }

    /** By what they invoke; an unqualified ARN and one qualified with $LATEST invoke the same. */
    private static Map<String, List<EventSourceMapping>> byQualifier(List<EventSourceMapping> mappings) {
        return mappings.stream().collect(Collectors.groupingBy(
                mapping -> mapping.invokedFunction().qualifierOrLatest(), LinkedHashMap::new, Collectors.toList()));
    }

    /** {@code sensor-ingest:live (mapping UUID), sensor-ingest (mappings UUID, UUID)}. */
    private static String describe(Map<String, List<EventSourceMapping>> byQualifier) {
        return byQualifier.values().stream()
                .map(mappings -> mappings.get(0).invokedFunction().shortName() + " (mapping"
                        + (mappings.size() > 1 ? "s " : " ")
                        + mappings.stream().map(EventSourceMapping::uuid).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "));
    }

    /** {@code sensor-ingest:live or 'sensor-ingest:$LATEST'}: what --function-name takes to choose each. */
    private static String names(Map<String, List<EventSourceMapping>> byQualifier) {
        return byQualifier.entrySet().stream()
                .map(entry -> {
                    String name = entry.getValue().get(0).invokedFunction().name() + ":" + entry.getKey();
                    return name.contains("$") ? "'" + name + "'" : name;
                })
                .collect(Collectors.joining(" or "));
    }
}

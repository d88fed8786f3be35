package dev.sensorpipeline.local.runner.config;

import dev.sensorpipeline.local.runner.base.Console;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The configuration of the version an alias points at, asked before each batch, as Lambda routes each invocation
 * through the alias: GetAlias (cheap) every time, GetFunctionConfiguration of the version only when the alias
 * points elsewhere (a published version's configuration does not change). An {@code update-alias} therefore takes
 * effect from the next batch, in an execution environment of the new version. When the endpoint cannot be asked,
 * the last version known stays.
 */
public final class AliasConfigSource implements Supplier<FunctionConfiguration> {

    private final String alias;
    private final Supplier<String> aliasVersion;
    private final Function<String, FunctionConfiguration> ofVersion;
    private final Console console;
    private FunctionConfiguration current;
    private boolean warned;

    /**
     * @param initial      the configuration of the version the alias points at now
     * @param aliasVersion GetAlias: the version it points at
     * @param ofVersion    GetFunctionConfiguration of a version
     */
    public AliasConfigSource(String alias, FunctionConfiguration initial, Supplier<String> aliasVersion,
                             Function<String, FunctionConfiguration> ofVersion, Console console) {
        this.alias = alias;
        this.current = initial;
        this.aliasVersion = aliasVersion;
        this.ofVersion = ofVersion;
        this.console = console;
    }

    @Override
    public synchronized FunctionConfiguration get() {
        try {
            String version = aliasVersion.get();
            if (!version.equals(current.versionOrLatest())) {
                current = ofVersion.apply(version);
            }
            warned = false;
        } catch (RuntimeException e) {
            if (!warned) {
                console.warn("cannot read the alias " + alias + " (" + e.getMessage() + "); running version "
                        + current.versionOrLatest() + ", the last one known");
                warned = true;
            }
        }
        return current;
    }
}

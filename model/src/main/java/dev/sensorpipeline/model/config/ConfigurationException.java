package dev.sensorpipeline.model.config;

/** A setting is missing or malformed; the message names it and says what it must be. */
public final class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }
}

package dev.sensorpipeline.local.replay;

/** The function a replay drives the records through: on AWS, or locally as scripts/invoke-local.sh runs it. */
public interface ReplayFunction {

    /** What it is, for messages. */
    String describe();

    /** Invokes it once on the event; a {@link StoreUnavailableException} when it cannot be invoked at all. */
    Invocation invoke(byte[] event);
}

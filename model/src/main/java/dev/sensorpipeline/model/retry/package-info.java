/**
 * Retrying: the one capped exponential backoff with full jitter, and the one way to wait, shared by the function,
 * the producer and the local runner.
 */
package dev.sensorpipeline.model.retry;

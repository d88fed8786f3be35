/**
 * A Kinesis record as the function sees it, apart from the Lambda event classes: the value the handler, the batch
 * and the store all speak of, so it lives below them.
 */
package dev.sensorpipeline.ingest.record;

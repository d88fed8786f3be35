/**
 * What every part of the runner uses, below them all: its console, its counters, and the error that says what is
 * missing for a run to start.
 */
package dev.sensorpipeline.local.runner.base;

package dev.sensorpipeline.producer;

import java.io.PrintWriter;

/**
 * What every run mode works with: the options, the world, and the command's two outputs.
 *
 * @param out the readings of a dry run
 * @param err the summary, the progress line and the messages
 */
record RunContext(ProducerOptions options, Dependencies dependencies, PrintWriter out, PrintWriter err) {
}

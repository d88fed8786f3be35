/**
 * What the command-line tools (the producer, the read side) share, so that each is said once: the AWS settings a
 * command line gives, an SDK client built from them as the aws CLI would find its configuration, and one line for a
 * bad argument. It knows no service: the tools bring their own client builders.
 */
package dev.sensorpipeline.cli;

/**
 * One invocation of a function's jar in this JVM, as the Lambda Java runtime runs it: {@link
 * dev.sensorpipeline.local.invoke.LocalInvoke}, the stable in-process API that {@code InvokeLocal} and other tools
 * call.
 */
package dev.sensorpipeline.local.invoke;

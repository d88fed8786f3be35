package dev.sensorpipeline.local.runner.function;

/** Invokes the function synchronously with one event, as Lambda's event source mapping does. */
public interface FunctionInvoker extends AutoCloseable {

    InvocationResult invoke(byte[] event) throws InterruptedException;

    @Override
    void close();
}

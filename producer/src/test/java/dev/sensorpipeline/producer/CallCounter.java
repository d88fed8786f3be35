package dev.sensorpipeline.producer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Counts the requests the SDK puts on the wire, per operation, retries included. */
final class CallCounter implements ExecutionInterceptor {

    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, Runnable> onRequest = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        requests.computeIfAbsent(operation, ignored -> new AtomicInteger()).incrementAndGet();
        onRequest.getOrDefault(operation, () -> { }).run();
    }

    /** Runs {@code action} as each request of {@code operation} leaves, such as a Ctrl-C mid-call. */
    void onRequest(String operation, Runnable action) {
        onRequest.put(operation, action);
    }

    int requests(String operation) {
        AtomicInteger count = requests.get(operation);
        return count == null ? 0 : count.get();
    }
}

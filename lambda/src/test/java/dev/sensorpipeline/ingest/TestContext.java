package dev.sensorpipeline.ingest;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A Lambda context whose time left is {@code remaining} at {@code startNanos} on {@code nanoClock}: fixed on a clock
 * that stands still, running down with the real clock as the runtime's does.
 */
public record TestContext(Duration remaining, LongSupplier nanoClock, long startNanos) implements Context {

    private static final LongSupplier STANDING_STILL = () -> 0L;

    /** A context whose time left stays {@code remaining}. */
    public TestContext(Duration remaining) {
        this(remaining, STANDING_STILL, 0L);
    }

    public static TestContext withMinutesLeft(int minutes) {
        return new TestContext(Duration.ofMinutes(minutes));
    }

    /** A context whose time left runs down from {@code timeLeft} with the real clock. */
    public static TestContext running(Duration timeLeft) {
        return new TestContext(timeLeft, System::nanoTime, System.nanoTime());
    }

    @Override
    public String getAwsRequestId() {
        return "test-request";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/sensor-ingest";
    }

    @Override
    public String getLogStreamName() {
        return "test";
    }

    @Override
    public String getFunctionName() {
        return "sensor-ingest";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:sensor-ingest";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) remaining.minusNanos(nanoClock.getAsLong() - startNanos).toMillis();
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.print(message);
            }

            @Override
            public void log(byte[] message) {
                System.out.write(message, 0, message.length);
            }
        };
    }
}

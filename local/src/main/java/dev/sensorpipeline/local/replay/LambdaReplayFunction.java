package dev.sensorpipeline.local.replay;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** The deployed function, invoked synchronously on what the event source mapping invokes: its alias. */
public record LambdaReplayFunction(LambdaClient lambda, String functionName, String qualifier)
        implements ReplayFunction {

    @Override
    public String describe() {
        return functionName + ":" + qualifier;
    }

    @Override
    public Invocation invoke(byte[] event) {
        InvokeResponse response;
        try {
            response = lambda.invoke(InvokeRequest.builder().functionName(functionName).qualifier(qualifier)
                    .invocationType(InvocationType.REQUEST_RESPONSE).payload(SdkBytes.fromByteArray(event)).build());
        } catch (SdkException e) {
            throw new StoreUnavailableException("cannot invoke " + describe() + ": " + e.getMessage(), e);
        }
        String payload = response.payload() == null ? "" : response.payload().asString(StandardCharsets.UTF_8);
        return new Invocation(response.functionError() != null, payload);
    }
}

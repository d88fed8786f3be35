package dev.sensorpipeline.alerts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;

/**
 * The {@code sensor-alerts} function: SensorData's stream in, alerts out. A placeholder that reports every record
 * as done, until the rules land; its name and signature are the contract the deploy scripts and the runner use.
 */
public final class AlertsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return new StreamsEventResponse();
    }
}

package dev.sensorpipeline.testkit;

import static dev.sensorpipeline.testkit.AwsJsonRewrites.MAPPER;

import java.io.IOException;

/**
 * The proxy's own API, under {@link FaultInjectingProxy#CONTROL_PATH}, for scripts that run it as a process:
 * {@code GET stats}, {@code GET plan} and {@code PUT plan} (a {@link FaultPlan} as JSON).
 */
final class ControlApi {

    private final FaultInjectingProxy proxy;

    ControlApi(FaultInjectingProxy proxy) {
        this.proxy = proxy;
    }

    static boolean isControl(ProxyRequest request) {
        return request.uri().getRawPath().startsWith(FaultInjectingProxy.CONTROL_PATH);
    }

    ProxyReply handle(ProxyRequest request) {
        String path = request.uri().getRawPath().substring(FaultInjectingProxy.CONTROL_PATH.length());
        try {
            if (path.equals("stats") && request.method().equals("GET")) {
                return ProxyReply.json(200, MAPPER.writeValueAsBytes(proxy.stats()));
            }
            if (path.equals("plan") && request.method().equals("GET")) {
                return ProxyReply.json(200, MAPPER.writeValueAsBytes(proxy.plan()));
            }
            if (path.equals("plan") && request.method().equals("PUT")) {
                FaultPlan plan = MAPPER.readValue(request.body(), FaultPlan.class);
                proxy.setPlan(plan);
                return ProxyReply.json(200, MAPPER.writeValueAsBytes(plan));
            }
            return ProxyReply.json(404, AwsJsonRewrites.error("NotFound", "the fault proxy answers GET "
                    + FaultInjectingProxy.CONTROL_PATH + "stats, GET and PUT " + FaultInjectingProxy.CONTROL_PATH
                    + "plan"));
        } catch (IOException | RuntimeException e) {
            return ProxyReply.json(400, AwsJsonRewrites.error("BadPlan", String.valueOf(e.getMessage())));
        }
    }
}

package dev.sensorpipeline.local.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.testkit.AwsCli;
import dev.sensorpipeline.testkit.MotoServer;

/**
 * The pipeline as scripts/deploy.sh makes it, on a moto of its own: what the status and replay tests start from.
 * deploy.sh also makes the failure bucket and sets it as the mapping's destination.
 *
 * @param moto        the endpoint
 * @param cli         the aws CLI against it
 * @param scripts     the project's scripts against it
 * @param mappingUuid the event source mapping deploy.sh made
 * @param streamArn   the stream it reads
 */
record DeployedPipeline(MotoServer moto, AwsCli cli, Scripts scripts, String mappingUuid, String streamArn)
        implements AutoCloseable {

    static DeployedPipeline onAnEndpointOfItsOwn() {
        MotoServer moto = MotoServer.start();
        AwsCli cli = new AwsCli(moto.endpoint());
        Scripts scripts = new Scripts(moto.endpoint());
        Scripts.Run deploy = scripts.run("deploy.sh");
        assertThat(deploy.exitCode()).as(deploy.output()).isZero();
        String mappingUuid = cli.run("lambda", "list-event-source-mappings", "--query",
                "EventSourceMappings[0].UUID", "--output", "text").orThrow().stdout().strip();
        String streamArn = cli.run("kinesis", "describe-stream-summary", "--stream-name", "temperature-sensor-data",
                "--query", "StreamDescriptionSummary.StreamARN", "--output", "text").orThrow().stdout().strip();
        return new DeployedPipeline(moto, cli, scripts, mappingUuid, streamArn);
    }

    @Override
    public void close() {
        moto.close();
    }
}

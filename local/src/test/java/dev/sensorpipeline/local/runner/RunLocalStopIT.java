package dev.sensorpipeline.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.local.runner.LocalDeployment.Deployed;
import org.junit.jupiter.api.Test;

/** How a run ends when something stops it from outside: one line that says why, never a stack trace. */
class RunLocalStopIT extends LocalEndpointFixture {

    @Test
    void runLocal_exitsFour_inOneLineNamingTheStream_whenTheStreamIsDeletedUnderIt() throws Exception {
        // given
        Deployed deployed = deployment.ingest("deleted-under-the-runner", 1);
        try (RunnerProcess runner = RunnerProcess.start(MOTO.endpoint(), stateDir,
                "--function-name", deployed.functionName())) {
            runner.awaitWhileRunning("the shard read", RUN_LIMIT,
                    () -> runner.stdout().contains("reading shardId-000000000000"));

            // when
            kinesis.deleteStream(b -> b.streamName(deployed.streamName()));
            int exitCode = runner.awaitExit(RUN_LIMIT);

            // then
            String stderr = runner.stderr();
            assertThat(exitCode).as(runner.output()).isEqualTo(4);
            assertThat(stderr).contains("failed: the stream " + deployed.streamArn())
                    .contains("no longer exists (was it deleted?)")
                    .doesNotContain("\tat ").doesNotContain("Exception in thread");
        }
    }

    @Test
    void runLocal_stopsCleanly_withoutAReadError_onSigterm_evenInTheMiddleOfAReadOfTheStream() throws Exception {
        // given: idle shards read every millisecond, so that the signal very likely lands inside a GetRecords call
        Deployed deployed = deployment.ingest("stopped-by-a-signal", 2);
        try (RunnerProcess runner = RunnerProcess.start(MOTO.endpoint(), stateDir,
                "--function-name", deployed.functionName(), "--poll-interval", "1")) {
            runner.awaitWhileRunning("both shards read", RUN_LIMIT,
                    () -> runner.stdout().contains("reading shardId-000000000001"));

            // when
            runner.terminate();
            int exitCode = runner.awaitExit(RUN_LIMIT);

            // then
            String stderr = runner.stderr();
            assertThat(exitCode).as(runner.output()).isZero();
            assertThat(stderr).doesNotContain("cannot read the stream").doesNotContain("Thread was interrupted")
                    .doesNotContain("\tat ");
            assertThat(runner.stdout()).contains("stopped (signal)");
        }
    }
}

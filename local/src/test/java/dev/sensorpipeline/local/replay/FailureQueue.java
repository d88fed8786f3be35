package dev.sensorpipeline.local.replay;

import dev.sensorpipeline.testkit.AwsCli;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * An SQS queue as an on-failure destination, through the aws CLI. The CLI v1 sends SQS calls to AWS's us-east-1
 * endpoint whatever AWS_ENDPOINT_URL says, so each call names the endpoint.
 */
record FailureQueue(AwsCli cli, URI endpoint, String url, String arn) {

    static FailureQueue create(AwsCli cli, URI endpoint, String name) {
        String url = sqs(cli, endpoint, "create-queue", "--queue-name", name, "--query", "QueueUrl", "--output",
                "text");
        String arn = sqs(cli, endpoint, "get-queue-attributes", "--queue-url", url, "--attribute-names", "QueueArn",
                "--query", "Attributes.QueueArn", "--output", "text");
        return new FailureQueue(cli, endpoint, url, arn);
    }

    void send(String body) {
        sqs(cli, endpoint, "send-message", "--queue-url", url, "--message-body", body);
    }

    /** Visible and in flight alike. */
    int messages() {
        String counts = sqs(cli, endpoint, "get-queue-attributes", "--queue-url", url, "--attribute-names",
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "--query",
                "Attributes.[ApproximateNumberOfMessages, ApproximateNumberOfMessagesNotVisible]", "--output", "text");
        return List.of(counts.split("\\s+")).stream().mapToInt(Integer::parseInt).sum();
    }

    private static String sqs(AwsCli cli, URI endpoint, String... args) {
        List<String> command = new ArrayList<>(List.of("sqs"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", endpoint.toString()));
        return cli.run(command.toArray(String[]::new)).orThrow().stdout().strip();
    }
}

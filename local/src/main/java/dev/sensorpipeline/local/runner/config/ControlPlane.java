package dev.sensorpipeline.local.runner.config;

import dev.sensorpipeline.local.runner.base.SetupException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.Filter;
import software.amazon.awssdk.services.lambda.model.GetAliasRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsRequest;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * What the endpoint knows about the function and its event source mappings (Lambda's control plane), and whether
 * a mapping's stream exists. Failures become {@link SetupException}s that name what is missing and what to do.
 *
 * @param endpoint the endpoint's description for messages: its URL, or AWS
 */
public record ControlPlane(LambdaClient lambda, KinesisClient kinesis, DynamoDbStreamsClient dynamodbStreams,
                           String endpoint) {

    private static final String DEPLOY_HINT = "run scripts/deploy.sh first";

    /**
     * The configuration of the function, version or alias {@code nameOrArn} names, as GetFunctionConfiguration
     * gives it: for an alias, that of the version it points at now.
     */
    public FunctionConfiguration function(String nameOrArn) {
        String name = FunctionReference.parse(nameOrArn).forRequest();
        GetFunctionConfigurationResponse function = call(() -> lambda.getFunctionConfiguration(
                GetFunctionConfigurationRequest.builder().functionName(name).build()),
                "no function '" + nameOrArn + "' at " + endpoint + ": " + DEPLOY_HINT
                        + " (or name another with --function-name or FUNCTION_NAME)");
        if (function.handler() == null || "Image".equals(function.packageTypeAsString())) {
            throw new SetupException("the function '" + nameOrArn + "' is a container image; the runner runs"
                    + " .zip/.jar functions with a handler");
        }
        String runtime = function.runtimeAsString();
        if (runtime != null && !runtime.startsWith("java")) {
            throw new SetupException("the function '" + nameOrArn + "' has runtime " + runtime
                    + "; the runner runs Java functions only");
        }
        Map<String, String> variables = function.environment() == null || function.environment().variables() == null
                ? Map.of() : function.environment().variables();
        return new FunctionConfiguration(function.functionName(), function.functionArn(), runtime,
                function.handler(), function.role(), Duration.ofSeconds(orDefault(function.timeout(), 3)),
                orDefault(function.memorySize(), 128), variables, function.version(), function.lastModified(),
                function.codeSha256());
    }

    /**
     * The function's Kinesis and DynamoDB Streams event source mappings, whatever they invoke (the function, a
     * version or an alias); at least one, or a {@link SetupException}. Every mapping is listed and compared by its
     * FunctionArn's parts: ListEventSourceMappings filtered by the function's name need not return the mappings on
     * its aliases (moto returns none).
     */
    public List<EventSourceMapping> streamMappings(FunctionConfiguration function) {
        FunctionArn functionArn = FunctionArn.tryParse(function.arn()).map(FunctionArn::unqualified)
                .orElseThrow(() -> new SetupException("the endpoint " + endpoint + " describes the function '"
                        + function.name() + "' with FunctionArn '" + function.arn() + "', which is not a Lambda"
                        + " function's ARN"));
        List<EventSourceMapping> streamMappings = listMappings().stream()
                .filter(mapping -> FunctionArn.tryParse(mapping.functionArn())
                        .filter(invoked -> invoked.isSameFunctionAs(functionArn)).isPresent())
                .filter(EventSourceMapping::isStream)
                .toList();
        if (streamMappings.isEmpty()) {
            throw new SetupException("the function '" + function.name() + "' has no Kinesis event source mapping"
                    + " (nor a DynamoDB Streams one), on it or on any of its versions or aliases, at " + endpoint + ": " + DEPLOY_HINT
                    + " (it creates one from infra/event-source-mapping.json)");
        }
        return streamMappings;
    }

    /** Every Kinesis and DynamoDB Streams event source mapping at the endpoint, of any function; at least one. */
    public List<EventSourceMapping> everyStreamMapping() {
        List<EventSourceMapping> streamMappings = listMappings().stream()
                .filter(mapping -> FunctionArn.tryParse(mapping.functionArn()).isPresent())
                .filter(EventSourceMapping::isStream)
                .toList();
        if (streamMappings.isEmpty()) {
            throw new SetupException("the endpoint " + endpoint + " has no Kinesis or DynamoDB Streams event"
                    + " source mapping: " + DEPLOY_HINT + " (or name the function with --function-name)");
        }
        return streamMappings;
    }

    private List<EventSourceMapping> listMappings() {
        List<EventSourceMapping> mappings = new ArrayList<>();
        call(() -> {
            lambda.listEventSourceMappingsPaginator(ListEventSourceMappingsRequest.builder().build())
                    .eventSourceMappings().forEach(m -> mappings.add(map(m)));
            return mappings;
        }, "the endpoint " + endpoint + " has no event source mappings: " + DEPLOY_HINT);
        return mappings;
    }

    /** The version the alias points at now, as GetAlias gives it. */
    public String aliasVersion(String functionName, String alias) {
        return call(() -> lambda.getAlias(GetAliasRequest.builder().functionName(functionName).name(alias).build())
                .functionVersion(), "no alias '" + alias + "' of the function '" + functionName + "' at " + endpoint
                + ": " + DEPLOY_HINT);
    }

    /** Fails naming the stream when it does not exist. */
    public void requireStream(EventSourceMapping mapping) {
        try {
            if (mapping.isDynamodbStream()) {
                dynamodbStreams.describeStream(DescribeStreamRequest.builder()
                        .streamArn(mapping.eventSourceArn()).limit(1).build());
            } else {
                kinesis.describeStreamSummary(DescribeStreamSummaryRequest.builder()
                        .streamARN(mapping.eventSourceArn()).build());
            }
        } catch (software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException
                 | software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException e) {
            throw new SetupException("the stream " + mapping.eventSourceArn() + " of event source mapping "
                    + mapping.uuid() + " does not exist at " + endpoint + ": " + DEPLOY_HINT);
        } catch (SdkClientException e) {
            throw unreachable(e);
        }
    }

    private static EventSourceMapping map(EventSourceMappingConfiguration m) {
        List<String> ignored = new ArrayList<>();
        List<String> patterns = m.filterCriteria() == null || !m.filterCriteria().hasFilters() ? List.of()
                : m.filterCriteria().filters().stream().map(Filter::pattern).filter(p -> p != null && !p.isBlank())
                .toList();
        if (m.tumblingWindowInSeconds() != null && m.tumblingWindowInSeconds() > 0) {
            ignored.add("TumblingWindowInSeconds");
        }
        int parallelization = orDefault(m.parallelizationFactor(), 1);
        if (parallelization > 1) {
            ignored.add("ParallelizationFactor " + parallelization + " (one batch per shard at a time)");
        }
        Integer maxAge = m.maximumRecordAgeInSeconds();
        String onFailure = m.destinationConfig() == null || m.destinationConfig().onFailure() == null
                ? null : m.destinationConfig().onFailure().destination();
        return new EventSourceMapping(m.uuid(), m.eventSourceArn(), m.functionArn(), m.state(),
                orDefault(m.batchSize(), 100),
                Duration.ofSeconds(orDefault(m.maximumBatchingWindowInSeconds(), 0)),
                m.startingPositionAsString() == null ? "LATEST" : m.startingPositionAsString(),
                m.startingPositionTimestamp(),
                m.functionResponseTypesAsStrings().contains("ReportBatchItemFailures"),
                Boolean.TRUE.equals(m.bisectBatchOnFunctionError()),
                orDefault(m.maximumRetryAttempts(), -1),
                maxAge == null || maxAge < 0 ? null : Duration.ofSeconds(maxAge),
                parallelization,
                m.lastModified() == null ? Instant.EPOCH : m.lastModified(),
                onFailure == null || onFailure.isEmpty() ? null : onFailure,
                ignored, patterns);
    }

    private <T> T call(Supplier<T> request, String notFound) {
        try {
            return request.get();
        } catch (ResourceNotFoundException e) {
            throw new SetupException(notFound);
        } catch (SdkClientException e) {
            throw unreachable(e);
        } catch (AwsServiceException e) {
            throw new SetupException("Lambda at " + endpoint + " refused: " + e.awsErrorDetails().errorMessage()
                    + " (" + e.awsErrorDetails().errorCode() + ")");
        }
    }

    private SetupException unreachable(SdkClientException e) {
        return new SetupException("cannot reach " + endpoint + " (" + e.getMessage() + "). Is the local endpoint"
                + " running (start it with scripts/moto_server.py), and do AWS_ENDPOINT_URL and AWS_REGION point at"
                + " it?", e);
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}

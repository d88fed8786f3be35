package dev.sensorpipeline.local.runner.failure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * An S3 bucket as the on-failure destination: one object per discarded batch, the document with its
 * {@code payload}, at Lambda's key {@code aws/lambda/<mapping UUID>/<shardId>/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-<uuid>}
 * (UTC, the document's timestamp).
 */
public final class S3FailureDestination implements FailureDestination {

    private static final String ARN_PREFIX = "arn:aws:s3:::";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH.mm.ss").withZone(ZoneOffset.UTC);

    private final S3Client s3;
    private final String arn;
    private final String bucket;
    private final String mappingUuid;
    private final OnFailureDocument document;
    private final Clock clock;

    public S3FailureDestination(S3Client s3, String arn, String mappingUuid, OnFailureDocument document,
                                Clock clock) {
        if (!isS3(arn)) {
            throw new IllegalArgumentException("not an S3 bucket's ARN: " + arn);
        }
        this.s3 = s3;
        this.arn = arn;
        this.bucket = arn.substring(ARN_PREFIX.length());
        this.mappingUuid = mappingUuid;
        this.document = document;
        this.clock = clock;
    }

    static boolean isS3(String arn) {
        return arn.startsWith(ARN_PREFIX) && arn.length() > ARN_PREFIX.length() && !arn.contains("/");
    }

    /** Where Lambda puts the document of a batch of this shard delivered at {@code at}. */
    public static String key(String mappingUuid, String shardId, Instant at, UUID id) {
        return "aws/lambda/" + mappingUuid + "/" + shardId + "/" + DAY.format(at) + "/" + SECOND.format(at) + "-" + id;
    }

    @Override
    public String describe() {
        return arn;
    }

    @Override
    public String deliver(FailedBatch batch) {
        Instant now = clock.instant();
        String key = key(mappingUuid, batch.shardId(), now, UUID.randomUUID());
        String body = document.toJson(batch, now, true);
        return Destinations.call("S3", "PutObject", "bucket " + bucket, () -> {
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType("application/json").build(),
                    RequestBody.fromString(body));
            return "s3://" + bucket + "/" + key;
        });
    }
}

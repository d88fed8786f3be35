package dev.sensorpipeline.local.replay;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3 destination: Lambda writes each document under {@code aws/lambda/}; a replayed one moves under
 * {@code replayed/}, the same key after the prefix ({@code replayed/aws/lambda/...}), where nothing lists it again.
 */
public record S3FailureStore(S3Client s3, String bucket) implements FailureStore {

    static final String FAILURE_PREFIX = "aws/lambda/";
    static final String REPLAYED_PREFIX = "replayed/";

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + FAILURE_PREFIX;
    }

    @Override
    public List<StoredDocument> pending() {
        List<StoredDocument> documents = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket)
                    .prefix(FAILURE_PREFIX).build()).contents()) {
                documents.add(new StoredDocument(object.key(), null, null));
            }
        } catch (NoSuchBucketException e) {
            throw new StoreUnavailableException("the failure bucket " + bucket + " does not exist: deploy with"
                    + " scripts/deploy.sh, or name the bucket with FAILURE_BUCKET", e);
        } catch (SdkException e) {
            throw new StoreUnavailableException("cannot read " + describe() + ": " + e.getMessage(), e);
        }
        return documents;
    }

    @Override
    public byte[] read(StoredDocument document) {
        try {
            return s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(document.id()).build())
                    .asByteArray();
        } catch (SdkException e) {
            throw new StoreUnavailableException("cannot read s3://" + bucket + "/" + document.id() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Copied first, then deleted: stopped between the two, the document is replayed once more (idempotent puts). */
    @Override
    public void markReplayed(StoredDocument document) {
        try {
            s3.copyObject(CopyObjectRequest.builder().sourceBucket(bucket).sourceKey(document.id())
                    .destinationBucket(bucket).destinationKey(REPLAYED_PREFIX + document.id()).build());
            s3.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(document.id()).build());
        } catch (SdkException e) {
            throw new StoreUnavailableException("replayed " + document.id() + " but cannot move it under "
                    + REPLAYED_PREFIX + " in " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void release(StoredDocument document) {
        // An object stays where it is: nothing to give back.
    }
}

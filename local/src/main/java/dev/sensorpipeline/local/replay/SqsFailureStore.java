package dev.sensorpipeline.local.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * An SQS destination: Lambda sends the metadata only, and the records are read back from the stream. A replayed
 * message is deleted; one still failing is made visible again at once, for the next replay and for status.sh.
 */
public record SqsFailureStore(SqsClient sqs, String queueArn, String queueUrl) implements FailureStore {

    /** Long enough for every document of a replay to be invoked before the first one shows again. */
    private static final Duration HELD_FOR = Duration.ofMinutes(15);

    @Override
    public String describe() {
        return queueArn;
    }

    @Override
    public List<StoredDocument> pending() {
        List<StoredDocument> documents = new ArrayList<>();
        try {
            while (true) {
                List<Message> messages = sqs.receiveMessage(ReceiveMessageRequest.builder().queueUrl(queueUrl)
                        .maxNumberOfMessages(10).waitTimeSeconds(1).visibilityTimeout((int) HELD_FOR.toSeconds())
                        .build()).messages();
                if (messages.isEmpty()) {
                    return documents;
                }
                for (Message message : messages) {
                    documents.add(new StoredDocument(message.messageId(), message.receiptHandle(),
                            message.body().getBytes(StandardCharsets.UTF_8)));
                }
            }
        } catch (SdkException e) {
            documents.forEach(this::release);
            throw new StoreUnavailableException("cannot read the queue " + queueArn + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] read(StoredDocument document) {
        return document.body();
    }

    @Override
    public void markReplayed(StoredDocument document) {
        try {
            sqs.deleteMessage(DeleteMessageRequest.builder().queueUrl(queueUrl).receiptHandle(document.handle())
                    .build());
        } catch (SdkException e) {
            throw new StoreUnavailableException("replayed " + document.id() + " but cannot delete it from "
                    + queueArn + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void release(StoredDocument document) {
        try {
            sqs.changeMessageVisibility(ChangeMessageVisibilityRequest.builder().queueUrl(queueUrl)
                    .receiptHandle(document.handle()).visibilityTimeout(0).build());
        } catch (SdkException e) {
            // It shows again by itself once HELD_FOR is over: late, not lost.
        }
    }
}

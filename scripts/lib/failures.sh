#!/usr/bin/env bash
# The names set here are read by the scripts that source this file, which shellcheck -x follows; checked alone, it
# cannot see those uses.
# shellcheck disable=SC2034
# Where the batches Lambda gave up on are kept: the event source mapping's on-failure destination, found the same
# way by scripts/status.sh and scripts/replay.sh. Source it after scripts/lib/aws-common.sh and resolve_names.

# The prefix under which Lambda writes its on-failure documents in an S3 destination, and where a replayed one goes.
readonly FAILURE_PREFIX="aws/lambda/"
readonly REPLAYED_PREFIX="replayed/"

# The bucket deploy.sh makes when FAILURE_BUCKET does not name another (aws-common.sh's resolve_failure_bucket).
default_failure_bucket() {
    find_account
    resolve_failure_bucket
    echo "${FAILURE_BUCKET}"
}

# Sets FAILURE_DESTINATION to the ARN where failed batches go: FAILURE_BUCKET when set (arn:aws:s3:::NAME), else the
# mapping's DestinationConfig.OnFailure.Destination (first argument: its UUID, may be empty), else nothing.
resolve_failure_destination() {
    local uuid="${1:-}" destination=""
    if [[ -n "${FAILURE_BUCKET:-}" ]]; then
        FAILURE_DESTINATION="arn:aws:s3:::${FAILURE_BUCKET}"
        return 0
    fi
    if [[ -n "${uuid}" ]]; then
        destination="$(aws lambda get-event-source-mapping --uuid "${uuid}" \
            --query 'DestinationConfig.OnFailure.Destination' --output text)"
    fi
    if [[ "${destination}" == "None" ]]; then
        destination=""
    fi
    FAILURE_DESTINATION="${destination}"
}

# The bucket name of an S3 destination ARN (arn:aws:s3:::NAME), or nothing for another kind of destination.
bucket_of_destination() {
    local destination="$1"
    if [[ "${destination}" == arn:*:s3:::* ]]; then
        echo "${destination##*:::}"
    fi
}

# The aws CLI v1 sends SQS calls to queue.amazonaws.com in us-east-1 whatever AWS_ENDPOINT_URL says: name the
# endpoint explicitly.
aws_sqs() {
    local -a endpoint=()
    if [[ -n "${AWS_ENDPOINT_URL:-}" ]]; then
        endpoint=(--endpoint-url "${AWS_ENDPOINT_URL}")
    fi
    aws sqs "$@" "${endpoint[@]}"
}

# The queue URL of an SQS destination ARN (arn:PARTITION:sqs:REGION:ACCOUNT:NAME).
queue_url_of_destination() {
    local destination="$1" name account
    name="${destination##*:}"
    account="$(cut -d: -f5 <<<"${destination}")"
    aws_sqs get-queue-url --queue-name "${name}" --queue-owner-aws-account-id "${account}" \
        --query QueueUrl --output text
}

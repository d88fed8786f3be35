#!/usr/bin/env bash
# Replays the Kinesis batches Lambda gave up on: finds the failure documents at the event source mapping's on-failure
# destination and drives their records through the function again. From an S3 document the saved event is invoked
# as it is; from an SQS one (metadata only) the records are read back from the stream, and those it no longer holds
# are named. A document whose records are all stored or rejected moves under replayed/ in the bucket (kept for audit;
# an SQS message is deleted); one with records still failing stays where it was. Running it twice writes nothing new.
# The alerts mapping's documents (batches of SensorData's DynamoDB stream, in the same bucket) are NOT replayed: they
# are counted and named first, with what to do instead (docs/RELIABILITY.md, "The alerts mapping").
#
#   scripts/replay.sh --dry-run    # lists what it would replay, changes nothing
#   scripts/replay.sh              # on AWS: aws lambda invoke on the alias the mapping invokes (FUNCTION_ALIAS)
#   scripts/replay.sh --local      # the function's jar run locally, as scripts/invoke-local.sh does, against
#                                  # AWS_ENDPOINT_URL
#
# Same environment as deploy.sh: AWS_REGION/profile, AWS_ENDPOINT_URL, the name overrides, FAILURE_BUCKET.
# Ends with one line: documents, records, stored, rejected, still failing.
# Exit: 0 all replayed, or nothing to do; 1 records still failing or gone from the stream; 2 bad arguments;
# 3 the endpoint, the bucket or queue, the stream or the function cannot be reached.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
readonly RUNNER_JAR="${ROOT}/local/target/sensor-runner.jar"
# shellcheck source=scripts/lib/aws-common.sh
source "${ROOT}/scripts/lib/aws-common.sh"
# shellcheck source=scripts/lib/failures.sh
source "${ROOT}/scripts/lib/failures.sh"
# shellcheck source=scripts/lib/cli.sh
source "${ROOT}/scripts/lib/cli.sh"
# shellcheck source=scripts/lib/build.sh
source "${ROOT}/scripts/lib/build.sh"

LOCAL=0
DRY_RUN=0
MAPPING_UUID=""
QUEUE_URL=""

parse_arguments() {
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --local) LOCAL=1 ;;
            --dry-run) DRY_RUN=1 ;;
            -h | --help) cli_help ;;
            *) cli_unknown "$1" ;;
        esac
        shift
    done
}

check_endpoint() {
    local output
    if ! output="$(aws sts get-caller-identity --query Account --output text 2>&1)"; then
        echo "replay: cannot reach $(describe_target): ${output//$'\n'/ }" >&2
        echo "replay: check AWS_ENDPOINT_URL (is the endpoint running? start one with scripts/moto_server.py)," \
            "the region and the credentials" >&2
        exit 3
    fi
}

# The mapping that feeds the stream to the function, whose destination holds the documents; none is fine when
# FAILURE_BUCKET names the bucket, or the default one is meant.
find_mapping() {
    local function_arn stream_arn uuids
    if function_arn="$(aws lambda get-function-configuration --function-name "${FUNCTION_NAME}" \
        --query FunctionArn --output text 2>/dev/null)" \
        && stream_arn="$(aws kinesis describe-stream-summary --stream-name "${STREAM_NAME}" \
            --query StreamDescriptionSummary.StreamARN --output text 2>/dev/null)"; then
        uuids="$(function_mapping_uuids "${function_arn}" "${stream_arn}")"
        read -r MAPPING_UUID _ <<<"${uuids}"
        if [[ "${MAPPING_UUID}" == "None" ]]; then
            MAPPING_UUID=""
        fi
    fi
}

find_destination() {
    resolve_failure_destination "${MAPPING_UUID}"
    if [[ -z "${FAILURE_DESTINATION}" ]]; then
        FAILURE_DESTINATION="arn:aws:s3:::$(default_failure_bucket)"
        echo "replay: the mapping names no on-failure destination; reading the default bucket" >&2
    fi
    if [[ "${FAILURE_DESTINATION}" == arn:*:sqs:* ]]; then
        if ! QUEUE_URL="$(queue_url_of_destination "${FAILURE_DESTINATION}" 2>&1)"; then
            echo "replay: the queue ${FAILURE_DESTINATION} cannot be found: ${QUEUE_URL}" >&2
            exit 3
        fi
    fi
}

# The alerts mapping writes its failure documents to the same bucket, under its own UUID. replay.sh replays Kinesis
# batches through the ingest function only; these it names, with what is true of them, rather than skip in silence.
report_alerts_failures() {
    local bucket function_arn table_stream_arn uuids uuid count
    bucket="$(bucket_of_destination "${FAILURE_DESTINATION}")"
    [[ -n "${bucket}" ]] || return 0
    function_arn="$(aws lambda get-function-configuration --function-name "${ALERTS_FUNCTION_NAME}" \
        --query FunctionArn --output text 2>/dev/null)" || return 0
    table_stream_arn="$(aws dynamodb describe-table --table-name "${TABLE_NAME}" --query Table.LatestStreamArn \
        --output text 2>/dev/null)" || return 0
    uuids="$(function_mapping_uuids "${function_arn}" "${table_stream_arn}")"
    read -r uuid _ <<<"${uuids}"
    [[ -n "${uuid}" && "${uuid}" != "None" ]] || return 0
    # shellcheck disable=SC2016 # the backquotes are JMESPath's literal, not the shell's
    count="$(aws s3api list-objects-v2 --bucket "${bucket}" --prefix "${FAILURE_PREFIX}${uuid}/" \
        --query 'length(Contents || `[]`)' --output text 2>/dev/null)" || return 0
    if [[ "${count}" != "0" ]]; then
        echo "replay: ${count} failure documents in s3://${bucket}/${FAILURE_PREFIX}${uuid}/ are the alerts" \
            "mapping's (batches of ${TABLE_NAME}'s DynamoDB stream): replay.sh does NOT replay them. Each holds" \
            "the batch (payload) and names the stream's shard and sequence numbers (DDBStreamBatchInfo; the stream" \
            "keeps records 24 hours); invoke ${ALERTS_FUNCTION_NAME}:${FUNCTION_ALIAS} with the document's payload" \
            "to raise what it missed (alerts are written once, so a second try adds nothing). See" \
            "docs/RELIABILITY.md, \"The alerts mapping\"." >&2
    fi
}

run_replay() {
    local -a arguments=(--destination "${FAILURE_DESTINATION}" --function "${FUNCTION_NAME}"
        --qualifier "${FUNCTION_ALIAS}" --rejects-table "${REJECTS_TABLE_NAME}")
    if [[ -n "${QUEUE_URL}" ]]; then
        arguments+=(--queue-url "${QUEUE_URL}")
    fi
    if [[ "${LOCAL}" -eq 1 ]]; then
        arguments+=(--invoke-local "${ROOT}/scripts/invoke-local.sh")
    fi
    if [[ "${DRY_RUN}" -eq 1 ]]; then
        arguments+=(--dry-run)
    fi
    exec java -cp "${RUNNER_JAR}" dev.sensorpipeline.local.replay.Replay "${arguments[@]}"
}

main() {
    parse_arguments "$@"
    resolve_names
    require_region
    check_endpoint
    ensure_built lambda local
    find_mapping
    find_destination
    report_alerts_failures
    run_replay
}

main "$@"

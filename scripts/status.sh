#!/usr/bin/env bash
# The pipeline at a glance, on AWS or on a local endpoint (AWS_ENDPOINT_URL): the stream, the event source mapping,
# the function's alias, the tables, the rejects, the failure documents waiting for scripts/replay.sh, and the alarms
# in ALARM; and the alerts side: SensorData's stream, the alerts function's alias and its mapping, SensorAlerts and
# SensorAlertRules, the topic sensor-alerts with its subscriptions, the failure documents of that mapping.
# DEPLOY_ALERTS=false (as deploy.sh takes it) leaves the alerts side out. Each line that needs attention starts with
# "!" and says what to do.
#
#   scripts/status.sh
#
# Same environment as deploy.sh: AWS_REGION/profile, AWS_ENDPOINT_URL, the name overrides, FAILURE_BUCKET.
# Exit: 0 healthy; 1 something needs attention; 2 bad arguments; 3 the endpoint or the credentials do not answer.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
# shellcheck source=scripts/lib/aws-common.sh
source "${ROOT}/scripts/lib/aws-common.sh"
# shellcheck source=scripts/lib/failures.sh
source "${ROOT}/scripts/lib/failures.sh"
# shellcheck source=scripts/lib/cli.sh
source "${ROOT}/scripts/lib/cli.sh"

ATTENTION=0
STREAM_ARN=""
FUNCTION_ARN=""
MAPPING_UUID=""
OUTPUT=""
TABLE_STREAM_ARN=""
ALERTS_FUNCTION_ARN=""
ALERTS_MAPPING_UUID=""
# What show_function and show_mapping found, for the caller to keep.
SHOWN_FUNCTION_ARN=""
SHOWN_MAPPING_UUID=""

line() {
    printf '  %-10s%s\n' "$1" "${*:2}"
}

# A line that needs attention: what is wrong, and what to do.
attention() {
    printf '! %-10s%s\n' "$1" "${*:2}"
    ATTENTION=1
}

# Runs the aws CLI, keeping its output in OUTPUT. Returns 0 when it succeeds, 4 when what it asked about does not
# exist, 1 otherwise (OUTPUT then holds the CLI's error).
query() {
    if OUTPUT="$(aws "$@" 2>&1)"; then
        return 0
    fi
    case "${OUTPUT}" in
        *ResourceNotFound* | *NotFound* | *NoSuchBucket* | *NonExistentQueue* | *"does not exist"* | *"(404)"*)
            return 4
            ;;
    esac
    return 1
}

check_endpoint() {
    if ! query sts get-caller-identity --query Account --output text; then
        echo "status: cannot reach $(describe_target): ${OUTPUT//$'\n'/ }" >&2
        echo "status: check AWS_ENDPOINT_URL (is the endpoint running? start one with scripts/moto_server.py)," \
            "the region and the credentials" >&2
        exit 3
    fi
}

show_stream() {
    local status=0 name status_text shards retention
    query kinesis describe-stream-summary --stream-name "${STREAM_NAME}" --query \
        'StreamDescriptionSummary.[StreamARN, StreamStatus, OpenShardCount, RetentionPeriodHours]' \
        --output text || status=$?
    if [[ "${status}" -eq 4 ]]; then
        attention stream "${STREAM_NAME} does not exist: create it with scripts/deploy.sh"
        return 0
    elif [[ "${status}" -ne 0 ]]; then
        attention stream "${STREAM_NAME} cannot be described: ${OUTPUT}"
        return 0
    fi
    read -r STREAM_ARN status_text shards retention <<<"${OUTPUT}"
    name="${STREAM_NAME}: ${status_text}, ${shards} shards, retention ${retention} h"
    if [[ "${status_text}" == "ACTIVE" || "${status_text}" == "UPDATING" ]]; then
        line stream "${name}"
    else
        attention stream "${name}: not ACTIVE; wait for it, or run scripts/deploy.sh"
    fi
}

# The function named and its alias. Sets SHOWN_FUNCTION_ARN (empty when it is missing).
show_function() {
    local name="$1" status=0 version
    SHOWN_FUNCTION_ARN=""
    if ! query lambda get-function-configuration --function-name "${name}" --query FunctionArn \
        --output text; then
        attention function "${name} does not exist: deploy it with scripts/deploy.sh"
        return 0
    fi
    SHOWN_FUNCTION_ARN="${OUTPUT}"
    query lambda get-alias --function-name "${name}" --name "${FUNCTION_ALIAS}" \
        --query FunctionVersion --output text || status=$?
    if [[ "${status}" -ne 0 ]]; then
        attention function "${name} has no alias ${FUNCTION_ALIAS}, which the mapping invokes:" \
            "run scripts/deploy.sh"
        return 0
    fi
    version="${OUTPUT}"
    line function "${name}: alias ${FUNCTION_ALIAS} -> version ${version}"
}

# The mapping from the source to the function: function name, its ARN, the source's ARN, the source's name in
# messages. Sets SHOWN_MAPPING_UUID (empty when there is none).
show_mapping() {
    local name="$1" function_arn="$2" source_arn="$3" source_name="$4"
    local uuids settings state result batch window retries age bisect
    SHOWN_MAPPING_UUID=""
    if [[ -z "${function_arn}" || -z "${source_arn}" ]]; then
        attention mapping "not looked for: ${source_name} or ${name} is missing (above)"
        return 0
    fi
    uuids="$(function_mapping_uuids "${function_arn}" "${source_arn}")"
    local uuid
    read -r uuid _ <<<"${uuids}"
    if [[ -z "${uuid}" || "${uuid}" == "None" ]]; then
        attention mapping "none feeds ${source_name} to ${name}: nothing is processed; run scripts/deploy.sh"
        return 0
    fi
    SHOWN_MAPPING_UUID="${uuid}"
    local fields='[State, LastProcessingResult, BatchSize, MaximumBatchingWindowInSeconds, MaximumRetryAttempts,'
    fields+=' MaximumRecordAgeInSeconds, BisectBatchOnFunctionError]'
    settings="$(aws lambda get-event-source-mapping --uuid "${uuid}" --query "${fields}" --output json)"
    # One value a line, so that a LastProcessingResult with spaces ("PROBLEM: ...") stays whole.
    {
        read -r state
        read -r result
        read -r batch
        read -r window
        read -r retries
        read -r age
        read -r bisect
    } < <(python3 -c 'import json, sys; [print("none" if v is None else v) for v in json.load(sys.stdin)]' \
        <<<"${settings}")
    line mapping "${uuid}: ${state}, last result ${result}; batch ${batch}, window ${window} s," \
        "retries ${retries}, max record age ${age} s, bisect on error ${bisect}"
    if [[ "${state}" != "Enabled" ]]; then
        attention mapping "${uuid} is ${state}, not Enabled: the stream is not being read;" \
            "run scripts/deploy.sh or aws lambda update-event-source-mapping --uuid ${uuid} --enabled"
    fi
    if [[ "${result}" == PROBLEM* ]]; then
        attention mapping "Lambda reports ${result}: see the function's logs and the mapping's permissions"
    fi
}

# The tables named, each with what its items are (readings, rejects, alerts, overrides).
show_tables() {
    local name status table_status items
    for name in "$@"; do
        status=0
        query dynamodb describe-table --table-name "${name}" --query 'Table.[TableStatus, ItemCount]' --output text \
            || status=$?
        if [[ "${status}" -eq 4 ]]; then
            attention table "${name} does not exist: the function cannot store there; create it with" \
                "scripts/deploy.sh"
        elif [[ "${status}" -ne 0 ]]; then
            attention table "${name} cannot be described: ${OUTPUT}"
        else
            read -r table_status items <<<"${OUTPUT}"
            # ItemCount is DynamoDB's own figure, refreshed about every six hours: approximate, and free to read.
            if [[ "${name}" == "${REJECTS_TABLE_NAME}" ]]; then
                line rejects "${name}: ${table_status}, about ${items} records that can never be readings"
            elif [[ "${name}" == "${ALERTS_TABLE_NAME}" ]]; then
                line alerts "${name}: ${table_status}, about ${items} alerts raised"
            elif [[ "${name}" == "${ALERT_RULES_TABLE_NAME}" ]]; then
                line rules "${name}: ${table_status}, about ${items} per-sensor overrides of the thresholds"
            else
                line table "${name}: ${table_status}, about ${items} readings"
            fi
            if [[ "${table_status}" != "ACTIVE" && "${table_status}" != "UPDATING" ]]; then
                attention table "${name} is ${table_status}: wait for it to be ACTIVE, or run scripts/deploy.sh"
            fi
        fi
    done
}

show_failures() {
    local bucket status=0 count queue_url
    resolve_failure_destination "${MAPPING_UUID:-${ALERTS_MAPPING_UUID}}"
    if [[ -z "${FAILURE_DESTINATION}" ]]; then
        attention failures "the mapping has no on-failure destination: a batch Lambda gives up on is lost without" \
            "a trace; run scripts/deploy.sh"
        return 0
    fi
    bucket="$(bucket_of_destination "${FAILURE_DESTINATION}")"
    if [[ -n "${bucket}" ]]; then
        # shellcheck disable=SC2016 # the backquotes are JMESPath's literal, not the shell's
        query s3api list-objects-v2 --bucket "${bucket}" --prefix "${FAILURE_PREFIX}" \
            --query 'length(Contents || `[]`)' --output text || status=$?
        if [[ "${status}" -eq 4 ]]; then
            attention failures "the bucket ${bucket} does not exist: Lambda cannot keep failed batches;" \
                "run scripts/deploy.sh"
            return 0
        elif [[ "${status}" -ne 0 ]]; then
            attention failures "cannot list s3://${bucket}/${FAILURE_PREFIX}: ${OUTPUT}"
            return 0
        fi
        count="${OUTPUT}"
        report_failures "${count}" "in s3://${bucket}/${FAILURE_PREFIX}"
        report_alerts_failures "${bucket}"
    elif [[ "${FAILURE_DESTINATION}" == arn:*:sqs:* ]]; then
        if ! queue_url="$(queue_url_of_destination "${FAILURE_DESTINATION}" 2>&1)"; then
            attention failures "the queue ${FAILURE_DESTINATION} cannot be found: ${queue_url}"
            return 0
        fi
        # Visible and in flight alike: a message a replay has received but not yet deleted is still waiting.
        count="$(aws_sqs get-queue-attributes --queue-url "${queue_url}" --attribute-names \
            ApproximateNumberOfMessages ApproximateNumberOfMessagesNotVisible --query \
            'Attributes.[ApproximateNumberOfMessages, ApproximateNumberOfMessagesNotVisible]' --output text \
            | awk '{ print $1 + $2 }')"
        report_failures "${count}" "in the queue ${FAILURE_DESTINATION} (metadata only)"
    else
        line failures "sent to ${FAILURE_DESTINATION}; status.sh cannot count them there"
    fi
}

report_failures() {
    local count="$1" where="$2"
    if [[ "${count}" -eq 0 ]]; then
        line failures "none waiting ${where}"
    else
        attention failures "${count} failure documents waiting ${where}: batches Lambda gave up on;" \
            "list them with scripts/replay.sh --dry-run, replay them with scripts/replay.sh"
    fi
}

# Of the documents in the bucket, those of the alerts mapping (Lambda names each after its mapping's UUID): a
# DynamoDB-stream document holds no records, only where they were in the table's stream.
report_alerts_failures() {
    local bucket="$1" status=0
    if [[ -z "${ALERTS_MAPPING_UUID}" ]]; then
        return 0
    fi
    # shellcheck disable=SC2016 # the backquotes are JMESPath's literal, not the shell's
    query s3api list-objects-v2 --bucket "${bucket}" --prefix "${FAILURE_PREFIX}${ALERTS_MAPPING_UUID}/" \
        --query 'length(Contents || `[]`)' --output text || status=$?
    if [[ "${status}" -ne 0 || "${OUTPUT}" == "0" ]]; then
        return 0
    fi
    attention failures "${OUTPUT} of them are the alerts mapping's (${ALERTS_MAPPING_UUID}): batches of" \
        "${TABLE_NAME}'s stream; scripts/replay.sh lists them and says how they are replayed (docs/RELIABILITY.md)"
}

# The readings table's stream, which feeds the alerts function. Sets TABLE_STREAM_ARN.
show_table_stream() {
    local status=0 enabled view arn
    query dynamodb describe-table --table-name "${TABLE_NAME}" --query \
        '[Table.StreamSpecification.StreamEnabled, Table.StreamSpecification.StreamViewType, Table.LatestStreamArn]' \
        --output text || status=$?
    if [[ "${status}" -ne 0 ]]; then
        attention feed "${TABLE_NAME} cannot be described (above): the alerts function has nothing to read"
        return 0
    fi
    read -r enabled view arn <<<"${OUTPUT}"
    if [[ "${enabled}" == "True" && ( "${view}" == "NEW_IMAGE" || "${view}" == "NEW_AND_OLD_IMAGES" ) ]]; then
        TABLE_STREAM_ARN="${arn}"
        line feed "${TABLE_NAME}: ${view}, feeds ${ALERTS_FUNCTION_NAME}"
    else
        attention feed "${TABLE_NAME} has no NEW_IMAGE stream (${enabled} ${view}): no alerts are raised;" \
            "run scripts/deploy.sh"
    fi
}

# The alerts topic and who it reaches; a subscription pending confirmation reaches no one yet.
show_alerts_topic() {
    local topic_arn pending confirmed
    topic_arn="$(topic_arn_of "${ALERTS_TOPIC_NAME}")"
    if ! query sns list-subscriptions-by-topic --topic-arn "${topic_arn}" --query \
        "[length(Subscriptions[?SubscriptionArn=='PendingConfirmation']), length(Subscriptions[?starts_with(SubscriptionArn, 'arn:')])]" \
        --output text; then
        attention topic "${ALERTS_TOPIC_NAME} does not exist: the alerts function cannot publish; run scripts/deploy.sh"
        return 0
    fi
    read -r pending confirmed <<<"${OUTPUT}"
    line topic "${ALERTS_TOPIC_NAME}: ${confirmed} subscriptions, ${pending} pending confirmation"
}

show_alerts_side() {
    if [[ "${DEPLOY_ALERTS:-true}" == "false" ]]; then
        line alerts "not looked at (DEPLOY_ALERTS=false)"
        return 0
    fi
    show_table_stream
    show_function "${ALERTS_FUNCTION_NAME}"
    ALERTS_FUNCTION_ARN="${SHOWN_FUNCTION_ARN}"
    show_mapping "${ALERTS_FUNCTION_NAME}" "${ALERTS_FUNCTION_ARN}" "${TABLE_STREAM_ARN}" "the stream of ${TABLE_NAME}"
    ALERTS_MAPPING_UUID="${SHOWN_MAPPING_UUID}"
    show_tables "${ALERTS_TABLE_NAME}" "${ALERT_RULES_TABLE_NAME}"
    show_alerts_topic
}

show_alarms() {
    local names name prefix
    local -a prefixes=("${FUNCTION_NAME}-")
    if [[ "${DEPLOY_ALERTS:-true}" != "false" ]]; then
        prefixes+=("${ALERTS_FUNCTION_NAME}-")
    fi
    names=""
    for prefix in "${prefixes[@]}"; do
        # The state is filtered in the query as well: moto answers a prefix with every state.
        names+=" $(aws cloudwatch describe-alarms --state-value ALARM --alarm-name-prefix "${prefix}" \
            --query "[MetricAlarms, CompositeAlarms][] | [?StateValue=='ALARM'].AlarmName" --output text)"
    done
    names="${names//None/}"
    if [[ -z "${names// /}" ]]; then
        line alarms "none of ${prefixes[*]/%/*} in ALARM"
        return 0
    fi
    for name in ${names}; do
        attention alarms "${name} is in ALARM: aws cloudwatch describe-alarms --alarm-names ${name} says why"
    done
}

main() {
    cli_no_arguments "$@"
    resolve_names
    require_region
    check_endpoint
    find_account
    echo "sensor-pipeline at $(describe_target)"
    show_stream
    show_function "${FUNCTION_NAME}"
    FUNCTION_ARN="${SHOWN_FUNCTION_ARN}"
    show_mapping "${FUNCTION_NAME}" "${FUNCTION_ARN}" "${STREAM_ARN}" "${STREAM_NAME}"
    MAPPING_UUID="${SHOWN_MAPPING_UUID}"
    show_tables "${TABLE_NAME}" "${REJECTS_TABLE_NAME}"
    show_alerts_side
    show_failures
    show_alarms
    if [[ "${ATTENTION}" -ne 0 ]]; then
        echo "status: needs attention (the lines starting with !)"
        exit 1
    fi
    echo "status: healthy"
}

main "$@"

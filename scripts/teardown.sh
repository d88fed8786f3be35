#!/usr/bin/env bash
# Removes what scripts/deploy.sh made: the event source mappings, both functions (ingest and alerts), their roles
# and policies, the four tables (SensorData's stream and TTL setting go with it), the Kinesis stream, the alarms, the
# alerts topic and the alarms' topic with their subscriptions, the dashboard and the failure bucket. Touches only
# resources that carry deploy.sh's tag (project=sensor-pipeline); anything else of the same name is left alone, and
# said so. The failure bucket is removed only when it holds no failure documents, or with
# --delete-failures; otherwise it is kept and the count said. Asks first, unless --yes.
#
#   scripts/teardown.sh                           # asks
#   scripts/teardown.sh --yes                     # for scripts
#   scripts/teardown.sh --yes --delete-failures   # also the failure documents no one has replayed
#
# Same environment as deploy.sh: AWS_REGION/profile, AWS_ENDPOINT_URL, and the name overrides.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
# shellcheck source=scripts/lib/aws-common.sh
source "${ROOT}/scripts/lib/aws-common.sh"
# shellcheck source=scripts/lib/cli.sh
source "${ROOT}/scripts/lib/cli.sh"

ASSUME_YES=0
DELETE_FAILURES=0
KEPT_BUCKET=""

parse_arguments() {
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --yes | -y) ASSUME_YES=1 ;;
            --delete-failures) DELETE_FAILURES=1 ;;
            -h | --help) cli_help ;;
            *) cli_unknown "$1" ;;
        esac
        shift
    done
}

confirm() {
    if [[ "${ASSUME_YES}" -eq 1 ]]; then
        return 0
    fi
    if [[ ! -t 0 ]]; then
        echo "teardown: refusing to delete without a terminal to ask on; pass --yes to confirm" >&2
        exit 2
    fi
    echo "This deletes, at $(describe_target):"
    echo "  the mapping ${STREAM_NAME} -> ${FUNCTION_NAME}, the function ${FUNCTION_NAME}, the role ${ROLE_NAME},"
    echo "  the mapping of ${TABLE_NAME}'s stream -> ${ALERTS_FUNCTION_NAME}, that function, its role"
    echo "  ${ALERTS_ROLE_NAME}, the tables ${TABLE_NAME}, ${REJECTS_TABLE_NAME}, ${ALERTS_TABLE_NAME} and"
    echo "  ${ALERT_RULES_TABLE_NAME} with all their items, the stream ${STREAM_NAME}, the topic ${ALERTS_TOPIC_NAME}"
    echo "  and its subscriptions, the alarms ${FUNCTION_NAME}-* and ${ALERTS_FUNCTION_NAME}-* of infra/alarm-*.json,"
    echo "  the topic ${FUNCTION_NAME}-alarms, the dashboard"
    echo "  ${FUNCTION_NAME}-dashboard, and the failure bucket ${FAILURE_BUCKET} if it is empty$(
        [[ "${DELETE_FAILURES}" -eq 1 ]] && echo " or not (--delete-failures)")."
    local answer
    read -r -p "Type 'yes' to go on: " answer
    if [[ "${answer}" != "yes" ]]; then
        echo "teardown: nothing deleted"
        exit 1
    fi
}

skip_untagged() {
    echo "== $1: not created by deploy.sh (no ${PROJECT_TAG_KEY}=${PROJECT_TAG_VALUE} tag); left alone"
}

# The function named, and every mapping that invokes it (itself, a version or an alias), whatever its source.
delete_mappings_and_function() {
    local name="$1" function_arn uuid uuids
    if ! function_arn="$(aws lambda get-function --function-name "${name}" \
        --query Configuration.FunctionArn --output text 2>/dev/null)"; then
        echo "== function ${name}: not there"
        return 0
    fi
    if ! aws lambda list-tags --resource "${function_arn}" --output json | has_project_tag; then
        skip_untagged "function ${name}"
        return 0
    fi
    # Listed first: a failed listing inside the for would go unnoticed, and the mappings outlive the function.
    uuids="$(function_mapping_uuids "${function_arn}")"
    for uuid in ${uuids}; do
        echo "== event source mapping ${uuid}: deleting"
        aws lambda delete-event-source-mapping --uuid "${uuid}" >/dev/null
    done
    echo "== function ${name}: deleting"
    aws lambda delete-function --function-name "${name}" >/dev/null
}

delete_role() {
    local role="$1"
    if ! aws_quiet iam get-role --role-name "${role}"; then
        echo "== role ${role}: not there"
        return 0
    fi
    if ! aws iam list-role-tags --role-name "${role}" --output json | has_project_tag; then
        skip_untagged "role ${role}"
        return 0
    fi
    local policy
    for policy in $(aws iam list-role-policies --role-name "${role}" --query 'PolicyNames[]' --output text); do
        aws iam delete-role-policy --role-name "${role}" --policy-name "${policy}"
    done
    echo "== role ${role}: deleting"
    aws iam delete-role --role-name "${role}"
}

delete_table() {
    local name="$1" table_arn
    if ! table_arn="$(aws dynamodb describe-table --table-name "${name}" --query Table.TableArn --output text \
        2>/dev/null)"; then
        echo "== table ${name}: not there"
        return 0
    fi
    if ! aws dynamodb list-tags-of-resource --resource-arn "${table_arn}" --output json | has_project_tag; then
        skip_untagged "table ${name}"
        return 0
    fi
    echo "== table ${name}: deleting"
    aws dynamodb delete-table --table-name "${name}" >/dev/null
    aws dynamodb wait table-not-exists --table-name "${name}"
}

delete_stream() {
    if ! aws_quiet kinesis describe-stream-summary --stream-name "${STREAM_NAME}"; then
        echo "== stream ${STREAM_NAME}: not there"
        return 0
    fi
    if ! aws kinesis list-tags-for-stream --stream-name "${STREAM_NAME}" --output json | has_project_tag; then
        skip_untagged "stream ${STREAM_NAME}"
        return 0
    fi
    echo "== stream ${STREAM_NAME}: deleting"
    aws kinesis delete-stream --stream-name "${STREAM_NAME}"
    aws kinesis wait stream-not-exists --stream-name "${STREAM_NAME}"
}

# The alarms deploy.sh put from infra/alarm-*.json for the function named, by the names it gave them: every file's,
# or the files named after the function's name (alarm-NAME.json). TTL needs nothing of its own: it is a setting of
# SensorData and goes with the table.
delete_alarms() {
    local function_name="$1" spec name alarm_arn
    shift
    local -a specs=()
    if [[ $# -eq 0 ]]; then
        specs=("${ROOT}"/infra/alarm-*.json)
    else
        for name in "$@"; do
            specs+=("${ROOT}/infra/alarm-${name}.json")
        done
    fi
    for spec in "${specs[@]}"; do
        name="$(basename "${spec}" .json)"
        name="${function_name}${name#alarm}"
        alarm_arn="$(aws cloudwatch describe-alarms --alarm-names "${name}" --query 'MetricAlarms[0].AlarmArn' \
            --output text)"
        if [[ -z "${alarm_arn}" || "${alarm_arn}" == "None" ]]; then
            echo "== alarm ${name}: not there"
        elif ! aws cloudwatch list-tags-for-resource --resource-arn "${alarm_arn}" --output json | has_project_tag; then
            skip_untagged "alarm ${name}"
        else
            echo "== alarm ${name}: deleting"
            aws cloudwatch delete-alarms --alarm-names "${name}"
        fi
    done
}

# The dashboard deploy.sh put. Dashboards carry no tags here, so deploy.sh's mark in the first text widget tells.
delete_dashboard() {
    local name="${FUNCTION_NAME}-dashboard" body
    if ! body="$(aws cloudwatch get-dashboard --dashboard-name "${name}" --query DashboardBody --output text \
        2>/dev/null)"; then
        echo "== dashboard ${name}: not there"
    elif [[ "${body}" != *"Made by scripts/deploy.sh"* ]]; then
        echo "== dashboard ${name}: not made by deploy.sh; left alone"
    else
        echo "== dashboard ${name}: deleting"
        aws cloudwatch delete-dashboards --dashboard-names "${name}" >/dev/null
    fi
}

# A topic deploy.sh made (the alarms' for ALARM_EMAIL, the alerts'), with its subscriptions: the second argument
# names it in messages. Subscriptions still pending confirmation have no ARN to unsubscribe; the topic takes them.
delete_topic() {
    local name="$1" label="$2" topic_arn subscription
    topic_arn="$(topic_arn_of "${name}")"
    if ! aws_quiet sns get-topic-attributes --topic-arn "${topic_arn}"; then
        echo "== ${label} ${name}: not there"
        return 0
    fi
    if ! aws sns list-tags-for-resource --resource-arn "${topic_arn}" --output json | has_project_tag; then
        skip_untagged "${label} ${name}"
        return 0
    fi
    for subscription in $(aws sns list-subscriptions-by-topic --topic-arn "${topic_arn}" \
        --query "Subscriptions[?starts_with(SubscriptionArn, 'arn:')].SubscriptionArn" --output text); do
        aws sns unsubscribe --subscription-arn "${subscription}"
    done
    echo "== ${label} ${name}: deleting, with its subscriptions"
    aws sns delete-topic --topic-arn "${topic_arn}"
}

# How many failure documents the bucket holds: every object, replayed ones included (kept for audit).
count_failure_documents() {
    aws s3api list-objects-v2 --bucket "${FAILURE_BUCKET}" --output json | python3 -c '
import json, sys
text = sys.stdin.read().strip()
# An empty bucket lists no Contents at all (and the CLI may print nothing).
print(len(json.loads(text).get("Contents", [])) if text else 0)
'
}

# The failure bucket goes only when it is empty or --delete-failures says so: its documents are the only copy of
# records Lambda gave up on.
delete_failure_bucket() {
    local documents
    if ! aws_quiet s3api head-bucket --bucket "${FAILURE_BUCKET}"; then
        echo "== failure bucket ${FAILURE_BUCKET}: not there"
        return 0
    fi
    if ! aws s3api get-bucket-tagging --bucket "${FAILURE_BUCKET}" --output json 2>/dev/null | has_project_tag; then
        skip_untagged "failure bucket ${FAILURE_BUCKET}"
        return 0
    fi
    documents="$(count_failure_documents)"
    if [[ "${documents}" != "0" && "${DELETE_FAILURES}" -ne 1 ]]; then
        echo "== failure bucket ${FAILURE_BUCKET}: kept: it holds ${documents} failure documents" \
            "(scripts/replay.sh replays them; teardown.sh --delete-failures deletes them)"
        KEPT_BUCKET="${FAILURE_BUCKET}"
        return 0
    fi
    echo "== failure bucket ${FAILURE_BUCKET}: deleting, with ${documents} failure documents"
    aws s3 rm "s3://${FAILURE_BUCKET}" --recursive --only-show-errors
    aws s3api delete-bucket --bucket "${FAILURE_BUCKET}"
    aws s3api wait bucket-not-exists --bucket "${FAILURE_BUCKET}"
}

main() {
    parse_arguments "$@"
    resolve_names
    require_region
    find_account
    resolve_failure_bucket
    confirm
    delete_mappings_and_function "${FUNCTION_NAME}"
    delete_mappings_and_function "${ALERTS_FUNCTION_NAME}"
    delete_role "${ROLE_NAME}"
    delete_role "${ALERTS_ROLE_NAME}"
    delete_table "${TABLE_NAME}"
    delete_table "${REJECTS_TABLE_NAME}"
    delete_table "${ALERTS_TABLE_NAME}"
    delete_table "${ALERT_RULES_TABLE_NAME}"
    delete_stream
    delete_alarms "${FUNCTION_NAME}"
    delete_alarms "${ALERTS_FUNCTION_NAME}" "${ALERTS_ALARMS[@]}"
    delete_topic "${FUNCTION_NAME}-alarms" "alarm topic"
    delete_topic "${ALERTS_TOPIC_NAME}" "alerts topic"
    delete_dashboard
    delete_failure_bucket
    if [[ -n "${KEPT_BUCKET}" ]]; then
        echo "torn down at $(describe_target), except the bucket ${KEPT_BUCKET} and its failure documents"
    else
        echo "torn down at $(describe_target)"
    fi
}

main "$@"

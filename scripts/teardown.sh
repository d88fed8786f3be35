#!/usr/bin/env bash
# Removes what scripts/deploy.sh made: the event source mapping, the function, its role and policy, both tables
# (SensorData's TTL setting goes with it), the stream, the alarms, their topic, the dashboard and the failure
# bucket. Touches only resources that carry deploy.sh's tag (project=sensor-pipeline); anything else of the same
# name is left alone, and said so. The failure bucket is removed only when it holds no failure documents, or with
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

ASSUME_YES=0
DELETE_FAILURES=0
KEPT_BUCKET=""

parse_arguments() {
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --yes | -y) ASSUME_YES=1 ;;
            --delete-failures) DELETE_FAILURES=1 ;;
            -h | --help)
                sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
                exit 0
                ;;
            *)
                echo "teardown: unknown argument '$1' (only --yes and --delete-failures; see --help)" >&2
                exit 2
                ;;
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
    echo "  the tables ${TABLE_NAME} and ${REJECTS_TABLE_NAME} with all their items, and the stream ${STREAM_NAME}."
    echo "  the alarms ${FUNCTION_NAME}-* of infra/alarm-*.json, the topic ${FUNCTION_NAME}-alarms, the dashboard"
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

delete_mappings_and_function() {
    local function_arn uuid uuids
    if ! function_arn="$(aws lambda get-function --function-name "${FUNCTION_NAME}" \
        --query Configuration.FunctionArn --output text 2>/dev/null)"; then
        echo "== function ${FUNCTION_NAME}: not there"
        return 0
    fi
    if ! aws lambda list-tags --resource "${function_arn}" --output json | has_project_tag; then
        skip_untagged "function ${FUNCTION_NAME}"
        return 0
    fi
    # Listed first: a failed listing inside the for would go unnoticed, and the mappings outlive the function.
    uuids="$(function_mapping_uuids "${function_arn}")"
    for uuid in ${uuids}; do
        echo "== event source mapping ${uuid}: deleting"
        aws lambda delete-event-source-mapping --uuid "${uuid}" >/dev/null
    done
    echo "== function ${FUNCTION_NAME}: deleting"
    aws lambda delete-function --function-name "${FUNCTION_NAME}" >/dev/null
}

delete_role() {
    if ! aws_quiet iam get-role --role-name "${ROLE_NAME}"; then
        echo "== role ${ROLE_NAME}: not there"
        return 0
    fi
    if ! aws iam list-role-tags --role-name "${ROLE_NAME}" --output json | has_project_tag; then
        skip_untagged "role ${ROLE_NAME}"
        return 0
    fi
    local policy
    for policy in $(aws iam list-role-policies --role-name "${ROLE_NAME}" --query 'PolicyNames[]' --output text); do
        aws iam delete-role-policy --role-name "${ROLE_NAME}" --policy-name "${policy}"
    done
    echo "== role ${ROLE_NAME}: deleting"
    aws iam delete-role --role-name "${ROLE_NAME}"
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

# The alarms deploy.sh put from infra/alarm-*.json, by the names it gave them. TTL needs nothing of its own: it is a
# setting of SensorData and goes with the table.
delete_alarms() {
    local spec name alarm_arn
    for spec in "${ROOT}"/infra/alarm-*.json; do
        name="$(basename "${spec}" .json)"
        name="${FUNCTION_NAME}${name#alarm}"
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

# The topic deploy.sh made for ALARM_EMAIL, with its subscriptions.
delete_alarm_topic() {
    local topic_arn="arn:${PARTITION}:sns:${AWS_REGION}:${ACCOUNT_ID}:${FUNCTION_NAME}-alarms"
    if ! aws_quiet sns get-topic-attributes --topic-arn "${topic_arn}"; then
        echo "== alarm topic ${FUNCTION_NAME}-alarms: not there"
    elif ! aws sns list-tags-for-resource --resource-arn "${topic_arn}" --output json | has_project_tag; then
        skip_untagged "alarm topic ${FUNCTION_NAME}-alarms"
    else
        echo "== alarm topic ${FUNCTION_NAME}-alarms: deleting"
        aws sns delete-topic --topic-arn "${topic_arn}"
    fi
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
    delete_mappings_and_function
    delete_role
    delete_table "${TABLE_NAME}"
    delete_table "${REJECTS_TABLE_NAME}"
    delete_stream
    delete_alarms
    delete_alarm_topic
    delete_dashboard
    delete_failure_bucket
    if [[ -n "${KEPT_BUCKET}" ]]; then
        echo "torn down at $(describe_target), except the bucket ${KEPT_BUCKET} and its failure documents"
    else
        echo "torn down at $(describe_target)"
    fi
}

main "$@"

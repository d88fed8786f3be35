#!/usr/bin/env bash
# The names and arrays set here are read by the scripts that source this file, which shellcheck -x follows;
# checked alone, it cannot see those uses.
# shellcheck disable=SC2034
# Shared steps of the deploy, teardown and invoke scripts. Source it; it defines functions and names only.

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

readonly PROJECT_TAG_KEY="project"
readonly PROJECT_TAG_VALUE="sensor-pipeline"

# The names of what the pipeline is made of; each can be overridden from the environment.
resolve_names() {
    STREAM_NAME="${STREAM_NAME:-temperature-sensor-data}"
    TABLE_NAME="${TABLE_NAME:-SensorData}"
    REJECTS_TABLE_NAME="${REJECTS_TABLE_NAME:-SensorDataRejects}"
    FUNCTION_NAME="${FUNCTION_NAME:-sensor-ingest}"
    FUNCTION_ALIAS="${FUNCTION_ALIAS:-live}"
    ROLE_NAME="${ROLE_NAME:-${FUNCTION_NAME}-role}"
    POLICY_NAME="${FUNCTION_NAME}-permissions"
    export STREAM_NAME TABLE_NAME REJECTS_TABLE_NAME FUNCTION_NAME FUNCTION_ALIAS ROLE_NAME POLICY_NAME
    # The alerts function, fed by the readings table's own stream, and what it writes to.
    ALERTS_FUNCTION_NAME="${ALERTS_FUNCTION_NAME:-sensor-alerts}"
    ALERTS_ROLE_NAME="${ALERTS_ROLE_NAME:-${ALERTS_FUNCTION_NAME}-role}"
    ALERTS_POLICY_NAME="${ALERTS_FUNCTION_NAME}-permissions"
    ALERTS_TABLE_NAME="${ALERTS_TABLE_NAME:-SensorAlerts}"
    ALERT_RULES_TABLE_NAME="${ALERT_RULES_TABLE_NAME:-SensorAlertRules}"
    ALERTS_TOPIC_NAME="${ALERTS_TOPIC_NAME:-sensor-alerts}"
    export ALERTS_FUNCTION_NAME ALERTS_ROLE_NAME ALERTS_POLICY_NAME ALERTS_TABLE_NAME ALERT_RULES_TABLE_NAME \
        ALERTS_TOPIC_NAME
    export AWS_PAGER=""
}

# Refuses to go on without a region: against AWS, a missing one would send everything to whatever default the
# CLI falls back to, or fail halfway through.
require_region() {
    local region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"
    if [[ -z "${region}" ]]; then
        region="$(aws configure get region 2>/dev/null || true)"
    fi
    if [[ -z "${region}" ]]; then
        echo "error: no AWS region. Set AWS_REGION (e.g. export AWS_REGION=us-east-1) or a region in your profile." >&2
        exit 2
    fi
    export AWS_REGION="${region}" AWS_DEFAULT_REGION="${region}"
}

# The account and partition of the caller: the ARNs and the failure bucket's default name are made from them. The
# first call to the endpoint: when it fails, the aws CLI's own message is followed by what to check.
find_account() {
    local caller
    if ! caller="$(aws sts get-caller-identity --output json)"; then
        echo "$(basename "${0}" .sh): no answer from $(describe_target). Against a local endpoint, start moto with" \
            "scripts/moto_server.py (see README.md); otherwise check the region and credentials." >&2
        exit 3
    fi
    ACCOUNT_ID="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["Account"])' <<<"${caller}")"
    PARTITION="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["Arn"].split(":")[1])' <<<"${caller}")"
    export ACCOUNT_ID PARTITION
}

# The bucket Lambda writes the batches it discards to (the mapping's on-failure destination). Bucket names are global,
# so the default carries the account and region; FAILURE_BUCKET overrides it. Needs find_account and require_region.
resolve_failure_bucket() {
    FAILURE_BUCKET="${FAILURE_BUCKET:-sensor-pipeline-failures-${ACCOUNT_ID}-${AWS_REGION}}"
    FAILURE_BUCKET_ARN="arn:${PARTITION}:s3:::${FAILURE_BUCKET}"
    export FAILURE_BUCKET FAILURE_BUCKET_ARN
}

# The alarms of infra/alarm-*.json the alerts function has, by the file's name (alarm-NAME.json): those on Lambda's
# own metrics (its errors, its mapping's lag, its failure deliveries). The ingest function has every one.
readonly ALERTS_ALARMS=(iterator-age function-errors destination-delivery-failures)

# The ARN of the topic deploy.sh makes of this name, in this account and region. Needs find_account.
topic_arn_of() {
    echo "arn:${PARTITION}:sns:${AWS_REGION}:${ACCOUNT_ID}:$1"
}

# Reads a tag listing on stdin (any of the AWS shapes) and succeeds when it holds deploy.sh's tag.
has_project_tag() {
    python3 -c '
import json, sys
key, value = sys.argv[1], sys.argv[2]
data = json.load(sys.stdin)
tags = data.get("Tags", data.get("TagSet", data))
if isinstance(tags, dict):
    sys.exit(0 if tags.get(key) == value else 1)
sys.exit(0 if any(t.get("Key") == key and t.get("Value") == value for t in tags) else 1)
' "${PROJECT_TAG_KEY}" "${PROJECT_TAG_VALUE}"
}

describe_target() {
    if [[ -n "${AWS_ENDPOINT_URL:-}" ]]; then
        echo "endpoint ${AWS_ENDPOINT_URL}, region ${AWS_REGION}"
    else
        echo "AWS, region ${AWS_REGION}${AWS_PROFILE:+, profile ${AWS_PROFILE}}"
    fi
}

# True when the aws command succeeds; its output is discarded.
aws_quiet() {
    aws "$@" >/dev/null 2>&1
}

# The UUIDs of the event source mappings that invoke the function, whatever they name: the function itself, an
# alias or a version of it (FUNCTION_ARN, unqualified). Filtered here rather than with --function-name, which
# matches one qualifier only. A second argument keeps only the mappings of that event source.
function_mapping_uuids() {
    local function_arn="$1" source_arn="${2:-}"
    local invokes_it="FunctionArn=='${function_arn}' || starts_with(FunctionArn, '${function_arn}:')"
    local -a of_source=()
    if [[ -n "${source_arn}" ]]; then
        of_source=(--event-source-arn "${source_arn}")
    fi
    aws lambda list-event-source-mappings "${of_source[@]}" \
        --query "EventSourceMappings[?${invokes_it}].UUID" \
        --output text
}

# True when AWS_ENDPOINT_URL names this machine (localhost, a loopback address): an endpoint such as moto, which
# keeps functions but cannot run them as Lambda does.
is_local_endpoint() {
    local host="${AWS_ENDPOINT_URL:-}"
    [[ -n "${host}" ]] || return 1
    host="${host#*://}"
    host="${host%%/*}"
    if [[ "${host}" == \[* ]]; then
        host="${host%%]*}"
        host="${host#[}"
    else
        host="${host%:*}"
    fi
    case "${host,,}" in
        localhost | *.localhost | 127.* | ::1 | 0.0.0.0) return 0 ;;
        *) return 1 ;;
    esac
}

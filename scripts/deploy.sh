#!/usr/bin/env bash
# Creates the pipeline, or brings it up to date when it exists (safe to run twice): the Kinesis stream, the
# SensorData and SensorDataRejects tables, the function's IAM role with its least-privilege inline policy, the
# function, and the Kinesis event source mapping that reports batch item failures; and the alerts side (below).
# Uses the aws CLI (v1 or v2) and the specs in infra/.
#
#   AWS_REGION=us-east-1 scripts/deploy.sh                                      # AWS, default profile
#   AWS_ENDPOINT_URL=http://127.0.0.1:5000 AWS_REGION=us-east-1 scripts/deploy.sh  # a local endpoint
#
# Each deploy publishes a version (SnapStart applies to published versions) and points the alias FUNCTION_ALIAS
# (default live) at it; the event source mapping invokes the alias.
#
# Overrides: STREAM_NAME, TABLE_NAME, REJECTS_TABLE_NAME, FUNCTION_NAME, FUNCTION_ALIAS, ROLE_NAME;
# AWS_PROFILE as usual; FUNCTION_JAR and FUNCTION_HANDLER deploy another build (scripts/bench.sh deploys its
# baseline so). READING_TTL_DAYS=N: readings expire N days after they were taken (the function's variable, and
# TTL on ExpiresAt for the table).
#
# Failed batches: the mapping sends every batch Lambda gives up on (retries exhausted, records too old) to a
# private S3 bucket, FAILURE_BUCKET (default sensor-pipeline-failures-<account>-<region>), with its records;
# FAILURE_RETENTION_DAYS (default 30) later they expire. scripts/replay.sh drives them through the function again.
# Watching: alarms from infra/alarm-*.json (ITERATOR_AGE_ALARM_MS, default 60000, is the lag that alarms) notify
# ALARM_TOPIC_ARN, or a topic ${FUNCTION_NAME}-alarms made for ALARM_EMAIL; a dashboard ${FUNCTION_NAME}-dashboard.
#
# Alerts: SensorData's stream (NEW_IMAGE, turned on for a table deployed without one) feeds a second function,
# ALERTS_FUNCTION_NAME (default sensor-alerts, from alerts/target/sensor-alerts-lambda.jar or ALERTS_FUNCTION_JAR),
# with a role of its own; it writes alerts to ALERTS_TABLE_NAME (SensorAlerts), reads per-sensor overrides from
# ALERT_RULES_TABLE_NAME (SensorAlertRules), and publishes to the topic ALERTS_TOPIC_NAME (sensor-alerts).
# ALERT_EMAIL subscribes an address to that topic. ALERT_HIGH_TEMPERATURE, ALERT_LOW_TEMPERATURE, ALERT_RISE_DEGREES,
# ALERT_RISE_WINDOW_SECONDS and ALERT_RULES_CACHE_SECONDS are handed to the function when set. DEPLOY_ALERTS=false
# (default true) deploys the ingest side only, and says so: no alerts function, role, mapping, tables, topic or
# alarms (scripts/bench.sh deploys its baseline so).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
readonly INFRA="${ROOT}/infra"
# A benchmark deploys another build through the same steps.
readonly FUNCTION_JAR="${FUNCTION_JAR:-${ROOT}/lambda/target/sensor-ingest-lambda.jar}"
readonly ALERTS_FUNCTION_JAR="${ALERTS_FUNCTION_JAR:-${ROOT}/alerts/target/sensor-alerts-lambda.jar}"
# The settings of the alerts function deploy.sh hands on when they are set, and what each must be.
readonly ALERT_NUMBER_SETTINGS=(ALERT_HIGH_TEMPERATURE ALERT_LOW_TEMPERATURE ALERT_RISE_DEGREES)
readonly ALERT_SECONDS_SETTINGS=(ALERT_RISE_WINDOW_SECONDS ALERT_RULES_CACHE_SECONDS)
# shellcheck source=scripts/lib/aws-common.sh
source "${ROOT}/scripts/lib/aws-common.sh"
# shellcheck source=scripts/lib/cli.sh
source "${ROOT}/scripts/lib/cli.sh"

WORK_DIR=""

cleanup() {
    if [[ -n "${WORK_DIR}" ]]; then
        rm -rf "${WORK_DIR}"
    fi
}

# The project's own jars are rebuilt when a source is newer than them, so that an edit is what gets deployed; a jar
# given in FUNCTION_JAR or ALERTS_FUNCTION_JAR is deployed as it is.
build_functions_if_needed() {
    local -a modules=()
    if [[ "${FUNCTION_JAR}" == "${ROOT}/lambda/target/sensor-ingest-lambda.jar" ]]; then
        modules+=(lambda)
    elif [[ ! -f "${FUNCTION_JAR}" ]]; then
        echo "deploy: FUNCTION_JAR='${FUNCTION_JAR}' does not exist" >&2
        exit 2
    fi
    if alerts_wanted && [[ "${ALERTS_FUNCTION_JAR}" == "${ROOT}/alerts/target/sensor-alerts-lambda.jar" ]]; then
        modules+=(alerts)
    elif alerts_wanted && [[ ! -f "${ALERTS_FUNCTION_JAR}" ]]; then
        echo "deploy: ALERTS_FUNCTION_JAR='${ALERTS_FUNCTION_JAR}' does not exist" >&2
        exit 2
    fi
    if [[ ${#modules[@]} -gt 0 ]]; then
        ensure_built "${modules[@]}"
    fi
}

# Renders a JSON file from infra/ with this deployment's names, account and region: stdin is the python that
# edits `spec`; the result is written to the path given.
render_json() {
    local source="$1" target="$2" edit
    edit="$(cat)"
    python3 - "${source}" "${target}" "${edit}" <<'PY'
import json, os, sys
source, target, edit = sys.argv[1], sys.argv[2], sys.argv[3]
spec = json.load(open(source))
env = os.environ
exec(edit)
json.dump(spec, open(target, "w"), indent=2)
PY
}

# FAILURE_RETENTION_DAYS must be a whole number of days S3's lifecycle accepts, checked before anything is made.
check_failure_retention() {
    local days="${FAILURE_RETENTION_DAYS:-30}"
    if [[ ! "${days}" =~ ^[0-9]+$ ]] || ((10#${days} < 1 || 10#${days} > 36500)); then
        echo "deploy: FAILURE_RETENTION_DAYS='${days}' is not a whole number of days from 1 to 36500" >&2
        exit 2
    fi
    export FAILURE_RETENTION_DAYS="${days}"
}

# DEPLOY_ALERTS says whether the alerts side is deployed: true (the default) or false, nothing else, checked before
# anything is made.
check_deploy_alerts() {
    DEPLOY_ALERTS="${DEPLOY_ALERTS:-true}"
    if [[ "${DEPLOY_ALERTS}" != "true" && "${DEPLOY_ALERTS}" != "false" ]]; then
        echo "deploy: DEPLOY_ALERTS='${DEPLOY_ALERTS}' is neither true nor false (false deploys the ingest side only)" >&2
        exit 2
    fi
    export DEPLOY_ALERTS
}

alerts_wanted() {
    [[ "${DEPLOY_ALERTS}" == "true" ]]
}

# The alerts function's settings, when given, must be what it accepts: a number for a temperature or a rise, a whole
# number of seconds for the window and the cache; checked before anything is made, as a bad one would fail the
# function at its start after the alias had moved to it.
check_alert_settings() {
    local name value
    for name in "${ALERT_NUMBER_SETTINGS[@]}"; do
        value="${!name:-}"
        if [[ -n "${value}" && ! "${value}" =~ ^-?[0-9]+(\.[0-9]+)?$ ]]; then
            echo "deploy: ${name}='${value}' is not a number (degrees, e.g. 100 or -40.5)" >&2
            exit 2
        fi
    done
    for name in "${ALERT_SECONDS_SETTINGS[@]}"; do
        value="${!name:-}"
        if [[ -n "${value}" && ! "${value}" =~ ^[0-9]+$ ]]; then
            echo "deploy: ${name}='${value}' is not a whole number of seconds" >&2
            exit 2
        fi
    done
}

# ITERATOR_AGE_ALARM_MS is the lag, in milliseconds, that alarms; ALARM_EMAIL and ALARM_TOPIC_ARN are two ways of
# saying where alarms go, so only one may be given.
check_alarm_settings() {
    local lag="${ITERATOR_AGE_ALARM_MS:-60000}"
    if [[ ! "${lag}" =~ ^[0-9]+$ ]] || ((10#${lag} < 1000)); then
        echo "deploy: ITERATOR_AGE_ALARM_MS='${lag}' is not a whole number of milliseconds of at least 1000" \
            "(the iterator age is in milliseconds: 60000 alarms at a minute of lag)" >&2
        exit 2
    fi
    export ITERATOR_AGE_ALARM_MS="${lag}"
    if [[ -n "${ALARM_EMAIL:-}" && -n "${ALARM_TOPIC_ARN:-}" ]]; then
        echo "deploy: set ALARM_EMAIL (a topic is made for it) or ALARM_TOPIC_ARN (an existing topic), not both" >&2
        exit 2
    fi
}

# The bucket the mapping sends discarded batches to. Made private (public access blocked, encrypted at rest, TLS
# only), tagged, with failure documents expiring after FAILURE_RETENTION_DAYS. A bucket of the same name that
# deploy.sh did not make is used as it is, and said so: its settings are its owner's.
create_failure_bucket() {
    local output
    if output="$(aws s3api head-bucket --bucket "${FAILURE_BUCKET}" 2>&1)"; then
        if ! aws s3api get-bucket-tagging --bucket "${FAILURE_BUCKET}" --output json 2>/dev/null | has_project_tag; then
            echo "== failure bucket ${FAILURE_BUCKET}: exists, not made by deploy.sh; used as it is (make sure it" \
                "is private and this account's)"
            return 0
        fi
        echo "== failure bucket ${FAILURE_BUCKET}: exists"
    elif [[ "${output}" == *"403"* || "${output}" == *"Forbidden"* ]]; then
        echo "error: the bucket name ${FAILURE_BUCKET} belongs to someone else (S3 bucket names are global);" \
            "set FAILURE_BUCKET to a name of your own" >&2
        return 1
    else
        echo "== failure bucket ${FAILURE_BUCKET}: creating (failed batches are kept here with their records)"
        local -a location=()
        # us-east-1 is S3's default and refuses to be named as a location constraint.
        if [[ "${AWS_REGION}" != "us-east-1" ]]; then
            location=(--create-bucket-configuration "LocationConstraint=${AWS_REGION}")
        fi
        aws s3api create-bucket --bucket "${FAILURE_BUCKET}" "${location[@]}" >/dev/null
        aws s3api wait bucket-exists --bucket "${FAILURE_BUCKET}"
        aws s3api put-bucket-tagging --bucket "${FAILURE_BUCKET}" \
            --tagging "TagSet=[{Key=${PROJECT_TAG_KEY},Value=${PROJECT_TAG_VALUE}}]"
    fi
    secure_failure_bucket
}

# Every setting is a put of the whole configuration, so a second deploy leaves the same bucket.
secure_failure_bucket() {
    aws s3api put-public-access-block --bucket "${FAILURE_BUCKET}" \
        --public-access-block-configuration "file://${INFRA}/failure-bucket-public-access-block.json"
    aws s3api put-bucket-encryption --bucket "${FAILURE_BUCKET}" \
        --server-side-encryption-configuration "file://${INFRA}/failure-bucket-encryption.json"
    render_json "${INFRA}/failure-bucket-lifecycle.json" "${WORK_DIR}/failure-bucket-lifecycle.json" <<'PY'
for rule in spec["Rules"]:
    if "Expiration" in rule:
        rule["Expiration"]["Days"] = int(env["FAILURE_RETENTION_DAYS"])
PY
    aws s3api put-bucket-lifecycle-configuration --bucket "${FAILURE_BUCKET}" \
        --lifecycle-configuration "file://${WORK_DIR}/failure-bucket-lifecycle.json"
    render_json "${INFRA}/failure-bucket-policy.json" "${WORK_DIR}/failure-bucket-policy.json" <<'PY'
for statement in spec["Statement"]:
    statement["Resource"] = [arn.replace("arn:aws:s3:::sensor-pipeline-failures", env["FAILURE_BUCKET_ARN"], 1)
                             for arn in statement["Resource"]]
PY
    local tls="TLS only"
    if [[ "${AWS_ENDPOINT_URL:-}" == http://* ]]; then
        # An endpoint without TLS could never be reached again under a policy refusing requests without it.
        tls="no TLS-only policy: the endpoint ${AWS_ENDPOINT_URL} has no TLS"
    else
        aws s3api put-bucket-policy --bucket "${FAILURE_BUCKET}" \
            --policy "file://${WORK_DIR}/failure-bucket-policy.json"
    fi
    echo "== failure bucket ${FAILURE_BUCKET}: private (public access blocked, encrypted, ${tls}), documents" \
        "expire after ${FAILURE_RETENTION_DAYS} days"
}

create_stream() {
    if aws_quiet kinesis describe-stream-summary --stream-name "${STREAM_NAME}"; then
        echo "== stream ${STREAM_NAME}: exists"
    else
        echo "== stream ${STREAM_NAME}: creating"
        aws kinesis create-stream --cli-input-json "file://${INFRA}/temperature-sensor-stream.json" \
            --stream-name "${STREAM_NAME}" >/dev/null
    fi
    aws kinesis wait stream-exists --stream-name "${STREAM_NAME}"
    aws kinesis add-tags-to-stream --stream-name "${STREAM_NAME}" \
        --tags "${PROJECT_TAG_KEY}=${PROJECT_TAG_VALUE}" >/dev/null
    STREAM_ARN="$(aws kinesis describe-stream-summary --stream-name "${STREAM_NAME}" \
        --query StreamDescriptionSummary.StreamARN --output text)"
}

create_table() {
    local name="$1" spec="$2"
    if aws_quiet dynamodb describe-table --table-name "${name}"; then
        echo "== table ${name}: exists"
    else
        echo "== table ${name}: creating (on-demand capacity: a stream's bursts would throttle the book's 2 WCU at once)"
        aws dynamodb create-table --cli-input-json "file://${INFRA}/${spec}" --table-name "${name}" >/dev/null
    fi
    aws dynamodb wait table-exists --table-name "${name}"
}

create_ingest_tables() {
    create_table "${TABLE_NAME}" sensor-data-table.json
    create_table "${REJECTS_TABLE_NAME}" sensor-data-rejects-table.json
}

create_alerts_tables() {
    create_table "${ALERTS_TABLE_NAME}" sensor-alerts-table.json
    create_table "${ALERT_RULES_TABLE_NAME}" sensor-alert-rules-table.json
}

# The readings table's stream feeds the alerts function, which needs each new reading (NEW_IMAGE; NEW_AND_OLD_IMAGES
# holds it too). A table deployed before streams were part of the pipeline gets one; a stream of another view
# cannot be changed in place, and replacing it would lose what it holds, so that is left to the user, said how.
ensure_table_stream() {
    local described enabled view
    described="$(aws dynamodb describe-table --table-name "${TABLE_NAME}" \
        --query '[Table.StreamSpecification.StreamEnabled, Table.StreamSpecification.StreamViewType]' --output text)"
    read -r enabled view <<<"${described}"
    if [[ "${enabled}" == "True" && ( "${view}" == "NEW_IMAGE" || "${view}" == "NEW_AND_OLD_IMAGES" ) ]]; then
        echo "== stream of ${TABLE_NAME}: ${view}"
    elif [[ "${enabled}" == "True" ]]; then
        echo "error: ${TABLE_NAME} has a stream of view ${view}, which holds no new image for the alerts function." \
            "Disable it (aws dynamodb update-table --table-name ${TABLE_NAME} --stream-specification" \
            "StreamEnabled=false), then deploy again: deploy.sh enables a NEW_IMAGE one." >&2
        return 1
    else
        echo "== stream of ${TABLE_NAME}: enabling (NEW_IMAGE), for the alerts function"
        aws dynamodb update-table --table-name "${TABLE_NAME}" \
            --stream-specification StreamEnabled=true,StreamViewType=NEW_IMAGE >/dev/null
        aws dynamodb wait table-exists --table-name "${TABLE_NAME}"
    fi
    TABLE_STREAM_ARN="$(aws dynamodb describe-table --table-name "${TABLE_NAME}" --query Table.LatestStreamArn \
        --output text)"
    export TABLE_STREAM_ARN
}

# Renders a policy of infra/ (the first argument) to the path given.
render_policy() {
    render_json "${INFRA}/$1" "$2" <<'PY'
# The file's ARNs name the default resources in any account and region; pin them to this deployment's.
prefix = f'arn:{env["PARTITION"]}:'
where = f'{env["AWS_REGION"]}:{env["ACCOUNT_ID"]}'
names = {
    "table/SensorDataRejects": "table/" + env["REJECTS_TABLE_NAME"],
    "table/SensorAlertRules": "table/" + env["ALERT_RULES_TABLE_NAME"],
    "table/SensorAlerts": "table/" + env["ALERTS_TABLE_NAME"],
    "table/SensorData": "table/" + env["TABLE_NAME"],
    "stream/temperature-sensor-data": "stream/" + env["STREAM_NAME"],
    "/aws/lambda/sensor-ingest": "/aws/lambda/" + env["FUNCTION_NAME"],
    "/aws/lambda/sensor-alerts": "/aws/lambda/" + env["ALERTS_FUNCTION_NAME"],
    "s3:::sensor-pipeline-failures": "s3:::" + env["FAILURE_BUCKET"],
}
for statement in spec["Statement"]:
    resources = []
    for arn in statement["Resource"]:
        # The table's stream by its label, which only the table knows; and the alerts topic, made before.
        if arn.endswith("/stream/LATEST"):
            resources.append(env["TABLE_STREAM_ARN"])
            continue
        if arn.startswith("arn:aws:sns:"):
            resources.append(env["ALERTS_TOPIC_ARN"])
            continue
        arn = arn.replace("arn:aws:", prefix).replace(":*:*:", ":" + where + ":", 1)
        for default, actual in names.items():
            if default in arn:
                arn = arn.replace(default, actual)
                break
        resources.append(arn)
    statement["Resource"] = resources
    # Lambda writes to the bucket only while it is this account's: a bucket of the same name elsewhere gets nothing.
    account = statement.get("Condition", {}).get("StringEquals", {})
    if "s3:ResourceAccount" in account:
        account["s3:ResourceAccount"] = env["ACCOUNT_ID"]
PY
}

# A function's role, trusting Lambda, with one inline policy rendered from infra/: role name, policy name, the
# policy's file in infra/, what the role is for. Sets CREATED_ROLE_ARN.
create_role() {
    local role="$1" policy="$2" spec="$3" purpose="$4"
    if aws_quiet iam get-role --role-name "${role}"; then
        echo "== role ${role}: exists"
        aws iam update-assume-role-policy --role-name "${role}" \
            --policy-document "file://${INFRA}/lambda-kinesis-role.json"
    else
        echo "== role ${role}: creating"
        aws iam create-role --role-name "${role}" \
            --assume-role-policy-document "file://${INFRA}/lambda-kinesis-role.json" \
            --description "sensor-pipeline: ${purpose}" \
            --tags "Key=${PROJECT_TAG_KEY},Value=${PROJECT_TAG_VALUE}" >/dev/null
        aws iam wait role-exists --role-name "${role}"
    fi
    render_policy "${spec}" "${WORK_DIR}/${policy}.json"
    echo "== role ${role}: inline policy ${policy} (least privilege, this deployment's resources only)"
    aws iam put-role-policy --role-name "${role}" --policy-name "${policy}" \
        --policy-document "file://${WORK_DIR}/${policy}.json"
    CREATED_ROLE_ARN="$(aws iam get-role --role-name "${role}" --query Role.Arn --output text)"
}

create_ingest_role() {
    create_role "${ROLE_NAME}" "${POLICY_NAME}" lambda-permissions-policy.json \
        "lets ${FUNCTION_NAME} read ${STREAM_NAME} and write its tables"
    ROLE_ARN="${CREATED_ROLE_ARN}"
    export ROLE_ARN
}

create_alerts_role() {
    create_role "${ALERTS_ROLE_NAME}" "${ALERTS_POLICY_NAME}" alerts-permissions-policy.json \
        "lets ${ALERTS_FUNCTION_NAME} read the stream of ${TABLE_NAME}, write alerts and publish them"
    ALERTS_ROLE_ARN="${CREATED_ROLE_ARN}"
    export ALERTS_ROLE_ARN
}

# Renders a function's spec of infra/ (the first argument) for the function named second, with the role ARN given
# third, to WORK_DIR/NAME.json and the subset update-function-configuration takes to WORK_DIR/NAME-configuration.json.
# stdin is python that edits `variables`, the function's environment.
render_function_spec() {
    local spec="$1" name="$2" role_arn="$3" edit
    edit="$(cat)"
    printf '%s\n' 'spec["FunctionName"] = env["SPEC_FUNCTION_NAME"]' 'spec["Role"] = env["SPEC_ROLE_ARN"]' \
        'variables = spec.setdefault("Environment", {}).setdefault("Variables", {})' "${edit}" \
        | SPEC_FUNCTION_NAME="${name}" SPEC_ROLE_ARN="${role_arn}" \
            render_json "${INFRA}/${spec}" "${WORK_DIR}/${name}.json"
    render_json "${WORK_DIR}/${name}.json" "${WORK_DIR}/${name}-configuration.json" <<'PY'
# update-function-configuration takes a subset of create-function's input.
updatable = ["FunctionName", "Role", "Handler", "Description", "Timeout", "MemorySize", "Environment", "Runtime",
             "SnapStart", "EphemeralStorage", "LoggingConfig", "TracingConfig", "Layers"]
spec = {key: value for key, value in spec.items() if key in updatable}
PY
}

render_ingest_function_spec() {
    render_function_spec lambda-function.json "${FUNCTION_NAME}" "${ROLE_ARN}" <<'PY'
if env.get("FUNCTION_HANDLER"):
    spec["Handler"] = env["FUNCTION_HANDLER"]
variables["TABLE_NAME"] = env["TABLE_NAME"]
variables["REJECTS_TABLE_NAME"] = env["REJECTS_TABLE_NAME"]
if env.get("READING_TTL_DAYS"):
    variables["READING_TTL_DAYS"] = env["READING_TTL_DAYS"]
PY
}

render_alerts_function_spec() {
    render_function_spec alerts-function.json "${ALERTS_FUNCTION_NAME}" "${ALERTS_ROLE_ARN}" <<'PY'
variables["TABLE_NAME"] = env["TABLE_NAME"]
variables["ALERTS_TABLE_NAME"] = env["ALERTS_TABLE_NAME"]
variables["ALERT_RULES_TABLE_NAME"] = env["ALERT_RULES_TABLE_NAME"]
variables["ALERT_TOPIC_ARN"] = env["ALERTS_TOPIC_ARN"]
for name in ("ALERT_HIGH_TEMPERATURE", "ALERT_LOW_TEMPERATURE", "ALERT_RISE_DEGREES", "ALERT_RISE_WINDOW_SECONDS",
             "ALERT_RULES_CACHE_SECONDS"):
    if env.get(name):
        variables[name] = env[name]
PY
}

# A role IAM has just made takes a few seconds before Lambda may assume it: retry only that refusal.
create_function_with_fresh_role() {
    local name="$1" jar="$2" attempt output
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        if output="$(aws lambda create-function --cli-input-json "file://${WORK_DIR}/${name}.json" \
            --zip-file "fileb://${jar}" 2>&1 >/dev/null)"; then
            return 0
        fi
        if [[ "${output}" != *"cannot be assumed by Lambda"* ]]; then
            echo "${output}" >&2
            return 1
        fi
        echo "   the new role is not yet assumable by Lambda; retrying (${attempt}/10)"
        sleep 3
    done
    echo "${output}" >&2
    return 1
}

# The function named first, from the jar given second, with the spec render_function_spec made for it.
create_or_update_function() {
    local name="$1" jar="$2"
    if aws_quiet lambda get-function --function-name "${name}"; then
        echo "== function ${name}: exists; updating its code and configuration"
        aws lambda update-function-code --function-name "${name}" --zip-file "fileb://${jar}" >/dev/null
        aws lambda wait function-updated --function-name "${name}"
        aws lambda update-function-configuration \
            --cli-input-json "file://${WORK_DIR}/${name}-configuration.json" >/dev/null
        aws lambda wait function-updated --function-name "${name}"
    else
        echo "== function ${name}: creating from ${jar#"${ROOT}/"}"
        create_function_with_fresh_role "${name}" "${jar}"
        aws lambda wait function-active --function-name "${name}"
    fi
}

# The function's code and configuration as a version keeps them: what decides whether a deploy has anything new to
# publish. Description is left out (publish-version gives each version its own), and so are the fields that change
# with every update or publication (RevisionId, LastModified, Version, the ARN, the state).
function_fingerprint() {
    local name="$1" qualifier="$2"
    aws lambda get-function-configuration --function-name "${name}" --qualifier "${qualifier}" \
        --output json | python3 -c '
import json, sys
config = json.load(sys.stdin)
kept = ["CodeSha256", "Runtime", "Handler", "Role", "MemorySize", "Timeout", "Environment", "Architectures",
        "SnapStart", "EphemeralStorage", "Layers", "TracingConfig", "LoggingConfig"]
snap = config.get("SnapStart") or {}
config["SnapStart"] = snap.get("ApplyOn")
config["Layers"] = sorted(layer.get("Arn") for layer in config.get("Layers") or [])
print(json.dumps({key: config.get(key) for key in kept}, sort_keys=True))
'
}

# SnapStart applies to published versions only, so the alias moves to a published version. One is published only
# when the code or the configuration differs from the version the alias points at: an unchanged redeploy publishes
# nothing, on AWS and on any local endpoint. Sets PUBLISHED_ARN (the function's, unqualified) and PUBLISHED_VERSION.
publish_version() {
    local name="$1" current
    PUBLISHED_ARN="$(aws lambda get-function-configuration --function-name "${name}" \
        --query FunctionArn --output text)"
    if current="$(aws lambda get-alias --function-name "${name}" --name "${FUNCTION_ALIAS}" \
        --query FunctionVersion --output text 2>/dev/null)" \
        && [[ "$(function_fingerprint "${name}" "${current}")" == "$(function_fingerprint "${name}" "\$LATEST")" ]]; then
        PUBLISHED_VERSION="${current}"
        echo "== function ${name}: code and configuration unchanged; alias ${FUNCTION_ALIAS} stays at" \
            "version ${PUBLISHED_VERSION}, nothing published"
        return 0
    fi
    PUBLISHED_VERSION="$(aws lambda publish-version --function-name "${name}" \
        --description "published by scripts/deploy.sh" --query Version --output text)"
    echo "== function ${name}: version ${PUBLISHED_VERSION} published; waiting until it is active" \
        "(with SnapStart, Lambda snapshots it first)"
    aws lambda wait published-version-active --function-name "${name}" --qualifier "${PUBLISHED_VERSION}"
}

# Points the alias FUNCTION_ALIAS of the function named first at the version given second. Sets ALIAS_ARN.
create_or_update_alias() {
    local name="$1" version="$2"
    if aws_quiet lambda get-alias --function-name "${name}" --name "${FUNCTION_ALIAS}"; then
        echo "== alias ${FUNCTION_ALIAS}: moving to version ${version} of ${name}"
        ALIAS_ARN="$(aws lambda update-alias --function-name "${name}" --name "${FUNCTION_ALIAS}" \
            --function-version "${version}" --query AliasArn --output text)"
    else
        echo "== alias ${FUNCTION_ALIAS}: creating, at version ${version} of ${name}"
        ALIAS_ARN="$(aws lambda create-alias --function-name "${name}" --name "${FUNCTION_ALIAS}" \
            --function-version "${version}" --query AliasArn --output text)"
    fi
    export ALIAS_ARN
}

# One function's way to its alias: code and configuration, a version when they changed, the alias on it. Sets
# PUBLISHED_ARN, PUBLISHED_VERSION and ALIAS_ARN.
deploy_function() {
    local name="$1" jar="$2"
    create_or_update_function "${name}" "${jar}"
    publish_version "${name}"
    create_or_update_alias "${name}" "${PUBLISHED_VERSION}"
}

deploy_ingest_function() {
    render_ingest_function_spec
    deploy_function "${FUNCTION_NAME}" "${FUNCTION_JAR}"
    FUNCTION_ARN="${PUBLISHED_ARN}" FUNCTION_VERSION="${PUBLISHED_VERSION}" INGEST_ALIAS_ARN="${ALIAS_ARN}"
}

deploy_alerts_function() {
    render_alerts_function_spec
    deploy_function "${ALERTS_FUNCTION_NAME}" "${ALERTS_FUNCTION_JAR}"
    ALERTS_FUNCTION_ARN="${PUBLISHED_ARN}" ALERTS_FUNCTION_VERSION="${PUBLISHED_VERSION}"
    ALERTS_ALIAS_ARN="${ALIAS_ARN}"
}

# The one mapping from an event source to a function's alias, made from a spec of infra/ or brought up to date:
# function name, its unqualified ARN, the alias's ARN, the source's ARN, its name in messages, the spec's file.
# Sets MAPPING_UUID.
create_or_update_mapping() {
    local name="$1" function_arn="$2" alias_arn="$3" source_arn="$4" source_name="$5" spec="$6"
    local uuid listed
    local -a uuids
    # Whatever it invoked before (the function, as deploys before aliases made it, an older alias or a version).
    listed="$(function_mapping_uuids "${function_arn}" "${source_arn}")"
    read -r -a uuids <<<"${listed//$'\n'/ }"
    if [[ ${#uuids[@]} -gt 1 ]]; then
        echo "error: ${#uuids[@]} event source mappings feed ${source_name} to ${name} (${uuids[*]});" \
            "each record would be processed once per mapping. Delete all but one with" \
            "aws lambda delete-event-source-mapping --uuid UUID, then deploy again." >&2
        return 1
    fi
    uuid="${uuids[0]:-}"
    export MAPPING_ALIAS_ARN="${alias_arn}"
    if [[ -n "${uuid}" && "${uuid}" != "None" ]]; then
        echo "== event source mapping ${uuid}: exists; updating its settings, invoking alias ${FUNCTION_ALIAS}" \
            "of ${name}"
        render_json "${INFRA}/${spec}" "${WORK_DIR}/mapping-update.json" <<'PY'
# StartingPosition is fixed at creation; the rest can change.
for fixed in ("StartingPosition", "StartingPositionTimestamp", "EventSourceArn", "Tags"):
    spec.pop(fixed, None)
spec["FunctionName"] = env["MAPPING_ALIAS_ARN"]
# The failure bucket is this deployment's (its name carries the account), so the spec leaves it to deploy.sh.
spec["DestinationConfig"] = {"OnFailure": {"Destination": env["FAILURE_BUCKET_ARN"]}}
PY
        aws lambda update-event-source-mapping --uuid "${uuid}" \
            --cli-input-json "file://${WORK_DIR}/mapping-update.json" >/dev/null
    else
        echo "== event source mapping ${source_name} -> ${name}:${FUNCTION_ALIAS}: creating"
        render_json "${INFRA}/${spec}" "${WORK_DIR}/mapping.json" <<'PY'
spec["FunctionName"] = env["MAPPING_ALIAS_ARN"]
# The failure bucket is this deployment's (its name carries the account), so the spec leaves it to deploy.sh.
spec["DestinationConfig"] = {"OnFailure": {"Destination": env["FAILURE_BUCKET_ARN"]}}
PY
        uuid="$(aws lambda create-event-source-mapping --cli-input-json "file://${WORK_DIR}/mapping.json" \
            --event-source-arn "${source_arn}" --query UUID --output text)"
    fi
    MAPPING_UUID="${uuid}"
    wait_for_mapping_enabled
}

create_ingest_mapping() {
    create_or_update_mapping "${FUNCTION_NAME}" "${FUNCTION_ARN}" "${INGEST_ALIAS_ARN}" "${STREAM_ARN}" \
        "${STREAM_NAME}" event-source-mapping.json
    INGEST_MAPPING_UUID="${MAPPING_UUID}"
}

create_alerts_mapping() {
    create_or_update_mapping "${ALERTS_FUNCTION_NAME}" "${ALERTS_FUNCTION_ARN}" "${ALERTS_ALIAS_ARN}" \
        "${TABLE_STREAM_ARN}" "the stream of ${TABLE_NAME}" alerts-event-source-mapping.json
    ALERTS_MAPPING_UUID="${MAPPING_UUID}"
}

# The aws CLI has no waiter for event source mappings: poll its State, as a waiter would, for up to 5 minutes.
wait_for_mapping_enabled() {
    local state attempt
    for attempt in $(seq 1 60); do
        state="$(aws lambda get-event-source-mapping --uuid "${MAPPING_UUID}" --query State --output text)"
        case "${state}" in
            Enabled) return 0 ;;
            Creating | Enabling | Updating) sleep 5 ;;
            *)
                echo "error: event source mapping ${MAPPING_UUID} is ${state}, not Enabled" >&2
                return 1
                ;;
        esac
    done
    echo "error: event source mapping ${MAPPING_UUID} was still ${state} after 5 minutes" >&2
    return 1
}

# READING_TTL_DAYS must be what the function accepts (a whole number of days, 1..36500), checked before anything
# is made: else the function would fail at its start, after the deploy had moved the alias to it.
check_reading_ttl() {
    local days="${READING_TTL_DAYS:-}"
    if [[ -n "${days}" ]] && { [[ ! "${days}" =~ ^[0-9]+$ ]] || ((10#${days} < 1 || 10#${days} > 36500)); }; then
        echo "deploy: READING_TTL_DAYS='${days}' is not a whole number of days from 1 to 36500" >&2
        exit 2
    fi
}

# With READING_TTL_DAYS the function writes ExpiresAt; TTL on the table is what makes DynamoDB delete the expired
# items. Described first, so that a deploy changes nothing when TTL is already right: DynamoDB refuses a TTL change
# for up to an hour after the last one. Without READING_TTL_DAYS the table's TTL is left as it is (disabling it is
# one of those changes, and items written earlier still carry ExpiresAt).
ensure_reading_ttl() {
    local described status attribute output
    described="$(aws dynamodb describe-time-to-live --table-name "${TABLE_NAME}" \
        --query '[TimeToLiveDescription.TimeToLiveStatus, TimeToLiveDescription.AttributeName]' --output text)"
    read -r status attribute <<<"${described}"
    if [[ -z "${READING_TTL_DAYS:-}" ]]; then
        echo "== TTL on ${TABLE_NAME}: READING_TTL_DAYS unset, new readings get no ExpiresAt; TTL left ${status}"
        return 0
    fi
    case "${status}" in
        ENABLED | ENABLING)
            if [[ "${attribute}" == "ExpiresAt" ]]; then
                echo "== TTL on ${TABLE_NAME}: already ${status} on ExpiresAt; readings expire after" \
                    "${READING_TTL_DAYS} days"
                return 0
            fi
            echo "error: TTL on ${TABLE_NAME} is ${status} on ${attribute}, not ExpiresAt, the attribute the function" \
                "writes. Disable it (aws dynamodb update-time-to-live --table-name ${TABLE_NAME}" \
                "--time-to-live-specification Enabled=false,AttributeName=${attribute})," \
                "wait an hour, and deploy again." >&2
            return 1
            ;;
        DISABLING)
            echo "error: TTL on ${TABLE_NAME} is being disabled; DynamoDB accepts no TTL change until that is done" \
                "(up to an hour). Everything else is deployed; run deploy.sh again later to enable it." >&2
            return 1
            ;;
    esac
    echo "== TTL on ${TABLE_NAME}: enabling on ExpiresAt (readings expire ${READING_TTL_DAYS} days after CurrentTime)"
    if ! output="$(aws dynamodb update-time-to-live --table-name "${TABLE_NAME}" \
        --time-to-live-specification "Enabled=true,AttributeName=ExpiresAt" 2>&1 >/dev/null)"; then
        if [[ "${output}" == *"multiple times within a fixed interval"* ]]; then
            echo "error: DynamoDB refused to enable TTL on ${TABLE_NAME}: it accepts no TTL change for up to an hour" \
                "after the last one. Everything else is deployed, and the function writes ExpiresAt already;" \
                "run deploy.sh again in an hour to enable TTL. DynamoDB said: ${output}" >&2
        else
            echo "${output}" >&2
        fi
        return 1
    fi
}

# Subscribes the address given second to the topic given first, once: a second deploy finds it subscribed (pending
# confirmation or confirmed) and leaves it. AWS mails the address a confirmation link; nothing is delivered until it
# is followed. The third argument names the topic in messages.
subscribe_email() {
    local topic_arn="$1" address="$2" label="$3" subscribed
    subscribed="$(aws sns list-subscriptions-by-topic --topic-arn "${topic_arn}" \
        --query "Subscriptions[?Protocol=='email' && Endpoint=='${address}'] | length(@)" --output text)"
    if [[ "${subscribed}" == "0" ]]; then
        aws sns subscribe --topic-arn "${topic_arn}" --protocol email \
            --notification-endpoint "${address}" >/dev/null
        echo "== ${label}: ${address} subscribed; confirm it from the mail AWS sends"
    else
        echo "== ${label}: ${address} already subscribed"
    fi
}

# With ALARM_EMAIL, a topic of the deployment's own for the alarms, with that address subscribed once.
create_alarm_topic() {
    if [[ -z "${ALARM_EMAIL:-}" ]]; then
        return 0
    fi
    ALARM_TOPIC_ARN="$(aws sns create-topic --name "${FUNCTION_NAME}-alarms" \
        --tags "Key=${PROJECT_TAG_KEY},Value=${PROJECT_TAG_VALUE}" --query TopicArn --output text)"
    export ALARM_TOPIC_ARN
    subscribe_email "${ALARM_TOPIC_ARN}" "${ALARM_EMAIL}" "alarm topic ${FUNCTION_NAME}-alarms"
}

# The topic the alerts function publishes each new alert to (create-topic returns the one there is, if any); with
# ALERT_EMAIL, that address subscribed once.
create_alerts_topic() {
    ALERTS_TOPIC_ARN="$(aws sns create-topic --name "${ALERTS_TOPIC_NAME}" \
        --tags "Key=${PROJECT_TAG_KEY},Value=${PROJECT_TAG_VALUE}" --query TopicArn --output text)"
    export ALERTS_TOPIC_ARN
    echo "== alerts topic ${ALERTS_TOPIC_NAME}: ${ALERTS_TOPIC_ARN}"
    if [[ -n "${ALERT_EMAIL:-}" ]]; then
        subscribe_email "${ALERTS_TOPIC_ARN}" "${ALERT_EMAIL}" "alerts topic ${ALERTS_TOPIC_NAME}"
    fi
}

# The alarms of infra/alarm-*.json for the function named first: those named after it (alarm-NAME.json), or every
# one. Each is on the function's own metrics (its EMF log lines, namespace SensorPipeline) or Lambda's (AWS/Lambda:
# the mapping's iterator age, errors, failure-bucket deliveries), all on dimension FunctionName. put-metric-alarm
# replaces an alarm of the same name, so a second deploy leaves the same alarm.
put_alarms() {
    local function_name="$1" spec name
    shift
    local -a specs=()
    if [[ $# -eq 0 ]]; then
        specs=("${INFRA}"/alarm-*.json)
    else
        for name in "$@"; do
            specs+=("${INFRA}/alarm-${name}.json")
        done
    fi
    for spec in "${specs[@]}"; do
        name="$(basename "${spec}" .json)"
        ALARM_FUNCTION_NAME="${function_name}" render_json "${spec}" "${WORK_DIR}/${function_name}-${name}.json" <<'PY'
spec["AlarmName"] = spec["AlarmName"].replace("sensor-ingest", env["ALARM_FUNCTION_NAME"], 1)
for dimension in spec.get("Dimensions", []):
    if dimension["Name"] == "FunctionName":
        dimension["Value"] = env["ALARM_FUNCTION_NAME"]
if spec["MetricName"] == "IteratorAge":
    spec["Threshold"] = int(env["ITERATOR_AGE_ALARM_MS"])
if env.get("ALARM_TOPIC_ARN"):
    spec["AlarmActions"] = [env["ALARM_TOPIC_ARN"]]
    spec["OKActions"] = [env["ALARM_TOPIC_ARN"]]
PY
        echo "== alarm ${function_name}${name#alarm}: put from infra/${name}.json" \
            "${ALARM_TOPIC_ARN:+(notifies ${ALARM_TOPIC_ARN})}"
        aws cloudwatch put-metric-alarm --cli-input-json "file://${WORK_DIR}/${function_name}-${name}.json"
    done
}

put_all_alarms() {
    put_alarms "${FUNCTION_NAME}"
    if alerts_wanted; then
        put_alarms "${ALERTS_FUNCTION_NAME}" "${ALERTS_ALARMS[@]}"
    fi
}

# The dashboard of infra/dashboard.json, with this deployment's names and region. put-dashboard replaces it whole.
put_dashboard() {
    DASHBOARD_NAME="${FUNCTION_NAME}-dashboard"
    render_json "${INFRA}/dashboard.json" "${WORK_DIR}/dashboard.json" <<'PY'
names = {"FunctionName": env["FUNCTION_NAME"], "StreamName": env["STREAM_NAME"]}
tables = {"SensorData": env["TABLE_NAME"], "SensorDataRejects": env["REJECTS_TABLE_NAME"]}
for widget in spec["widgets"]:
    properties = widget["properties"]
    if widget["type"] == "text":
        text = properties["markdown"]
        for default, actual in (("temperature-sensor-data", env["STREAM_NAME"]), ("sensor-ingest", env["FUNCTION_NAME"]),
                                ("SensorData", env["TABLE_NAME"])):
            text = text.replace(default, actual)
        properties["markdown"] = text
        continue
    properties["region"] = env["AWS_REGION"]
    for metric in properties["metrics"]:
        # [namespace, metric, dimension name, value, ..., {options}]
        for i in range(2, len(metric) - 1, 2):
            if not isinstance(metric[i], str):
                break
            if metric[i] == "TableName":
                metric[i + 1] = tables.get(metric[i + 1], metric[i + 1])
            elif metric[i] in names:
                metric[i + 1] = names[metric[i]]
PY
    aws cloudwatch put-dashboard --dashboard-name "${DASHBOARD_NAME}" \
        --dashboard-body "file://${WORK_DIR}/dashboard.json" >/dev/null
    echo "== dashboard ${DASHBOARD_NAME}: put from infra/dashboard.json"
}

print_alerts_summary() {
    if ! alerts_wanted; then
        echo "  alerts    not deployed (DEPLOY_ALERTS=false)"
        return 0
    fi
    echo "  alerts    ${ALERTS_FUNCTION_NAME}, version ${ALERTS_FUNCTION_VERSION} (SnapStart)," \
        "alias ${FUNCTION_ALIAS}, role ${ALERTS_ROLE_ARN}"
    echo "  its feed  ${ALERTS_MAPPING_UUID}: the stream of ${TABLE_NAME}, INSERT and MODIFY only -> alias" \
        "${FUNCTION_ALIAS} (ReportBatchItemFailures)"
    echo "  alerts to ${ALERTS_TABLE_NAME} and ${ALERTS_TOPIC_ARN}${ALERT_EMAIL:+ (${ALERT_EMAIL} subscribed)};" \
        "overrides in ${ALERT_RULES_TABLE_NAME}"
}

# The alerts side: its tables, SensorData's stream, the topic, the function with its role and its mapping. With
# DEPLOY_ALERTS=false none of it, said so; what an earlier deploy made of it is left as it is.
deploy_alerts_side() {
    if ! alerts_wanted; then
        echo "== alerts side: not deployed (DEPLOY_ALERTS=false): no ${ALERTS_FUNCTION_NAME}, its mapping," \
            "${ALERTS_TABLE_NAME}, ${ALERT_RULES_TABLE_NAME} or ${ALERTS_TOPIC_NAME}"
        return 0
    fi
    create_alerts_tables
    ensure_table_stream
    create_alerts_topic
    create_alerts_role
    deploy_alerts_function
    create_alerts_mapping
}

print_summary() {
    echo
    echo "deployed to $(describe_target):"
    echo "  stream    ${STREAM_ARN}"
    echo "  tables    ${TABLE_NAME}, ${REJECTS_TABLE_NAME} (on-demand)"
    echo "  role      ${ROLE_ARN}"
    echo "  function  ${FUNCTION_NAME}, version ${FUNCTION_VERSION} (SnapStart), alias ${FUNCTION_ALIAS}"
    echo "  mapping   ${INGEST_MAPPING_UUID} -> alias ${FUNCTION_ALIAS} (ReportBatchItemFailures)"
    print_alerts_summary
    echo "  failures  s3://${FAILURE_BUCKET}/aws/lambda/ (batches Lambda gives up on; scripts/replay.sh)"
    local notify=""
    if [[ -n "${ALARM_TOPIC_ARN:-}" ]]; then
        notify=" (notify ${ALARM_TOPIC_ARN})"
    fi
    local watched="${FUNCTION_NAME}-*"
    if alerts_wanted; then
        watched+=", ${ALERTS_FUNCTION_NAME}-*"
    fi
    echo "  watching  alarms ${watched}${notify}, dashboard ${DASHBOARD_NAME}"
    if [[ -n "${READING_TTL_DAYS:-}" ]]; then
        echo "  TTL       readings expire ${READING_TTL_DAYS} days after CurrentTime (ExpiresAt)"
    else
        echo "  TTL       none: readings are kept for ever"
    fi
}

main() {
    cli_no_arguments "$@"
    check_reading_ttl
    check_failure_retention
    check_alarm_settings
    check_alert_settings
    check_deploy_alerts
    trap cleanup EXIT
    WORK_DIR="$(mktemp -d)"
    resolve_names
    require_region
    echo "deploying to $(describe_target)"
    build_functions_if_needed
    find_account
    resolve_failure_bucket
    create_failure_bucket
    create_stream
    create_ingest_tables
    create_ingest_role
    deploy_ingest_function
    create_ingest_mapping
    deploy_alerts_side
    create_alarm_topic
    put_all_alarms
    put_dashboard
    ensure_reading_ttl
    print_summary
}

main "$@"

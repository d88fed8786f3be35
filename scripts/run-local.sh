#!/usr/bin/env bash
# Plays Lambda's event source mappings locally: with no --function-name, every enabled mapping at AWS_ENDPOINT_URL
# (as scripts/deploy.sh made them: the ingest function's on the Kinesis stream, the alerts function's on the table's
# stream), even when FUNCTION_NAME is exported; with --function-name, that function's only. It reads every shard of
# each mapping's stream with the mapping's settings, and invokes each function's jar in a JVM of its own through the
# real Lambda runtime interface client, printing its logs and a Lambda-style REPORT line per invocation. Checkpoints
# go to .local-runner/: stopped in any way, it resumes where the last completed batch ended.
#
#   export AWS_ENDPOINT_URL=http://127.0.0.1:5000 AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
#   export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
#   scripts/run-local.sh                    # every mapping, until Ctrl-C
#   scripts/run-local.sh --function-name sensor-ingest   # that function's mappings only
#   scripts/run-local.sh --until-idle 5     # until the stream has been idle for 5 s
#   scripts/run-local.sh --help             # this, then every option and the exit codes
#
# The jars: sensor-ingest=lambda/target/sensor-ingest-lambda.jar and sensor-alerts=alerts/target/sensor-alerts-lambda.jar
# (the names from FUNCTION_NAME and ALERTS_FUNCTION_NAME, with those defaults); --function-jar JAR or NAME=JAR wins.
# Options: --function-name NAME, --function-jar [NAME=]JAR, --state-dir DIR, --until-idle SECONDS, --max-runtime SECONDS,
# --poll-interval MILLIS, --endpoint-url URL, --region REGION, --runtime-dir DIR (the runner's --help says more).
# Options given here win over the defaults below. Exit: 0 stopped, nothing discarded; 1 stopped, records were
# discarded (listed on stderr and in .local-runner/mappings/UUID/discarded.jsonl); 2 bad usage; 3 something is
# missing (endpoint, function, mapping, stream, jars); 4 failed while running.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

readonly INGEST_JAR="${ROOT}/lambda/target/sensor-ingest-lambda.jar"
readonly ALERTS_JAR="${ROOT}/alerts/target/sensor-alerts-lambda.jar"
readonly INGEST_NAME="${FUNCTION_NAME:-sensor-ingest}"
readonly ALERTS_NAME="${ALERTS_FUNCTION_NAME:-sensor-alerts}"
readonly RUNNER_JAR="${ROOT}/local/target/sensor-runner.jar"
readonly RUNTIME_DIR="${ROOT}/local/target/runtime"
readonly STATE_DIR="${ROOT}/.local-runner"

# The runner's options (local/.../RunLocal), checked here so that a bad one is answered before a build or a JVM;
# ScriptsCliIT (local/src/test) fails when the runner has one this list lacks.
CLI_VALUE_OPTIONS=(--function-name --function-jar --state-dir --until-idle --max-runtime --poll-interval
    --endpoint-url --region --runtime-dir)
CLI_SWITCH_OPTIONS=(-V --version)

# The header, then the runner's own help when its jar is there: help never starts a build.
print_help() {
    cli_usage
    if [[ -f "${RUNNER_JAR}" ]] && command -v java >/dev/null 2>&1; then
        echo
        java -jar "${RUNNER_JAR}" --help
    else
        echo
        echo "(the runner's full option list shows once it is built: mvn -B -q package -DskipTests -pl local -am)"
    fi
    exit 0
}

check_java() {
    if ! command -v java >/dev/null 2>&1; then
        echo "run-local: java (17 or later) is not on PATH. Install: apt-get install -y openjdk-17-jdk-headless" >&2
        exit 3
    fi
}

# exec: the runner takes this process's place, so Ctrl-C, SIGTERM (a clean stop, checkpoints kept) and even SIGKILL
# reach it directly, and nothing is left behind here to clean up. Each function's jar by its name; the runner reads no
# FUNCTION_NAME, so without --function-name it runs every enabled mapping.
run_runner() {
    exec java -jar "${RUNNER_JAR}" \
        --function-jar "${INGEST_NAME}=${INGEST_JAR}" \
        --function-jar "${ALERTS_NAME}=${ALERTS_JAR}" \
        --runtime-dir "${RUNTIME_DIR}" \
        --state-dir "${STATE_DIR}" \
        "$@"
}

main() {
    if cli_wants_help "$@"; then
        print_help
    fi
    cli_check_options "$@"
    check_java
    ensure_built lambda alerts local
    run_runner "$@"
}

main "$@"

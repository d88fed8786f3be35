#!/usr/bin/env bash
# Runs the ingest function on one Kinesis event in a local JVM, the way the Lambda Java runtime does, against
# whatever AWS_ENDPOINT_URL points at (real AWS when unset).
#
#   scripts/invoke-local.sh test-payloads/book-single-record.json
#
# stdout: the function's JSON response (its only line). stderr: the function's logs and a Lambda-style REPORT line.
# The function's environment comes from infra/lambda-function.json, unless already set in yours.
# FUNCTION_JAR=path runs another build of the function (scripts/bench-cold-start.sh --baseline uses it).
# Exit: 0 the function returned; 1 it failed (stdout then holds Lambda's error document); 2 bad usage.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

readonly FUNCTION_JAR="${FUNCTION_JAR:-${ROOT}/lambda/target/sensor-ingest-lambda.jar}"
readonly RUNNER_JAR="${ROOT}/local/target/sensor-local.jar"
readonly FUNCTION_SPEC="${ROOT}/infra/lambda-function.json"

# Prints KEY=VALUE lines: the function's spec as Lambda would run it.
function_spec() {
    python3 - "${FUNCTION_SPEC}" <<'PY'
import json, sys
spec = json.load(open(sys.argv[1]))
print("HANDLER=" + spec["Handler"])
print("FUNCTION_NAME=" + spec["FunctionName"])
print("TIMEOUT=" + str(spec.get("Timeout", 3)))
print("MEMORY=" + str(spec.get("MemorySize", 128)))
for key, value in spec.get("Environment", {}).get("Variables", {}).items():
    print("ENV_" + key + "=" + value)
PY
}

export_function_environment() {
    local line key value
    while IFS= read -r line; do
        key="${line%%=*}"
        value="${line#*=}"
        case "${key}" in
            HANDLER) HANDLER="${value}" ;;
            FUNCTION_NAME) FUNCTION_NAME="${value}" ;;
            TIMEOUT) TIMEOUT="${value}" ;;
            MEMORY) MEMORY="${value}" ;;
            ENV_*)
                key="${key#ENV_}"
                if [[ -z "${!key:-}" ]]; then
                    export "${key}=${value}"
                fi
                ;;
        esac
    done < <(function_spec)
    export AWS_LAMBDA_FUNCTION_NAME="${FUNCTION_NAME}"
    export AWS_LAMBDA_FUNCTION_MEMORY_SIZE="${MEMORY}"
    # Kinesis' SDK client speaks CBOR, which local endpoints may not; the function itself uses only DynamoDB.
    export CBOR_ENABLED="${CBOR_ENABLED:-false}"
}

invoke() {
    local event="$1"
    java -jar "${RUNNER_JAR}" \
        --jar "${FUNCTION_JAR}" \
        --handler "${HANDLER}" \
        --event "${event}" \
        --timeout "${TIMEOUT}" \
        --memory "${MEMORY}" \
        --function-name "${FUNCTION_NAME}"
}

main() {
    cli_event_file_argument "$@"
    ensure_built lambda local
    export_function_environment
    invoke "$1"
}

main "$@"

#!/usr/bin/env bash
# Invokes the deployed function with a test payload through `aws lambda invoke`, and prints its response and the
# tail of its log. Works with aws CLI v1 and v2 (the payload goes as raw bytes, fileb://, which both read alike).
#
#   scripts/invoke.sh test-payloads/book-single-record.json
#
# On a local endpoint (AWS_ENDPOINT_URL on localhost or a loopback address, such as moto), which cannot run
# functions, it refuses: use scripts/invoke-local.sh instead. Exit: 0 the function returned; 1 it failed;
# 2 bad usage; 3 a local endpoint.
set -euo pipefail

# shellcheck source=scripts/lib/aws-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/aws-common.sh"

# moto keeps the function but would run it in Docker, and fails ("Handled") without: the runner's own invoker,
# scripts/invoke-local.sh, runs it as Lambda does.
refuse_local_endpoint() {
    if is_local_endpoint; then
        echo "invoke: ${AWS_ENDPOINT_URL} is a local endpoint, where Lambda cannot run the function;" \
            "use scripts/invoke-local.sh $1" >&2
        exit 3
    fi
}

invoke() {
    local event="$1" response metadata
    response="$(mktemp)"
    trap 'rm -f "${response}"' RETURN
    metadata="$(aws lambda invoke --function-name "${FUNCTION_NAME}" --payload "fileb://${event}" \
        --log-type Tail --output json "${response}")"
    echo "== response"
    cat "${response}"
    echo
    echo "== log tail"
    python3 -c '
import base64, json, sys
meta = json.loads(sys.argv[1])
print(base64.b64decode(meta.get("LogResult", "")).decode("utf-8", "replace"))
if meta.get("FunctionError"):
    sys.exit("the function failed: " + meta["FunctionError"])
' "${metadata}"
}

main() {
    cli_event_file_argument "$@"
    refuse_local_endpoint "$1"
    resolve_names
    require_region
    invoke "$1"
}

main "$@"

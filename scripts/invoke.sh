#!/usr/bin/env bash
# Invokes the deployed function with a test payload through `aws lambda invoke`, and prints its response and the
# tail of its log. Works with aws CLI v1 and v2 (the payload goes as raw bytes, fileb://, which both read alike).
#
#   scripts/invoke.sh test-payloads/book-single-record.json
#
# For a function on a local endpoint that cannot run functions (moto), use scripts/invoke-local.sh instead.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
# shellcheck source=scripts/lib/aws-common.sh
source "${ROOT}/scripts/lib/aws-common.sh"

check_arguments() {
    if [[ $# -ne 1 || ! -f "${1:-}" ]]; then
        echo "usage: scripts/invoke.sh EVENT.json   (e.g. test-payloads/book-single-record.json)" >&2
        [[ $# -eq 1 ]] && echo "invoke: no event file at '$1'" >&2
        exit 2
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
    check_arguments "$@"
    resolve_names
    require_region
    invoke "$1"
}

main "$@"

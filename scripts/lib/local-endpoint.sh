#!/usr/bin/env bash
# The names and arrays set here are read by the scripts that source this file, which shellcheck -x follows;
# checked alone, it cannot see those uses.
# shellcheck disable=SC2034
# Shared steps for scripts that run against moto on loopback. Source it; it defines functions only (and, through
# aws-common.sh and common.sh, ROOT and the steps of every script).

# shellcheck source=scripts/lib/aws-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/aws-common.sh"
# shellcheck source=scripts/lib/versions.sh
source "$(dirname "${BASH_SOURCE[0]}")/versions.sh"

# Says what is missing, and how to install it, for each tool the local flows need.
check_prerequisites() {
    local entry tool what install missing=0
    local -a tools=(
        "java|java (17 or later)|apt-get install -y openjdk-17-jdk-headless"
        "mvn|mvn (Maven 3.8+)|apt-get install -y maven"
        "python3|python3|apt-get install -y python3 python3-pip"
        "aws|the aws CLI (v1 or v2)|python3 -m pip install -r scripts/requirements.txt"
    )
    for entry in "${tools[@]}"; do
        IFS='|' read -r tool what install <<<"${entry}"
        if ! command -v "${tool}" >/dev/null 2>&1; then
            echo "missing: ${what}. Install: ${install}" >&2
            missing=1
        fi
    done
    # scripts/moto_server.py runs moto's server under python3, so that python3 must have moto.
    if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import moto.server' >/dev/null 2>&1; then
        echo "missing: moto for $(command -v python3), which runs scripts/moto_server.py." \
            "Install: python3 -m pip install -r scripts/requirements.txt" >&2
        missing=1
    fi
    if [[ "${missing}" -ne 0 ]]; then
        exit 3
    fi
    warn_on_untested_versions
}

# Sets RAW_BLOB_FLAG to what `aws kinesis put-record(s)` needs for raw data: aws CLI v1 base64-encodes a blob
# itself; v2 does so only when told the input is raw.
detect_raw_blob_flag() {
    RAW_BLOB_FLAG=()
    if aws --version 2>&1 | grep -q '^aws-cli/2'; then
        RAW_BLOB_FLAG=(--cli-binary-format raw-in-base64-out)
    fi
}

free_loopback_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# What start_moto runs: scripts/moto_server.py (moto's server with its own hand-off of stream records to mapped
# functions turned off), or with MOTO_STOCK=1 moto's server as it comes, for comparisons.
moto_launcher() {
    if [[ -n "${MOTO_STOCK:-}" ]]; then
        echo "python3 -m moto.server"
    else
        echo "python3 scripts/moto_server.py"
    fi
}

# Starts moto (see moto_launcher) on a free loopback port; sets MOTO_PID and MOTO_LOG, and exports the environment
# that points the aws CLI and the SDK at it with dummy credentials.
start_moto() {
    local port
    local -a launcher=(python3 "$(dirname "${BASH_SOURCE[0]}")/../moto_server.py")
    if [[ -n "${MOTO_STOCK:-}" ]]; then
        launcher=(python3 -m moto.server)
    fi
    port="$(free_loopback_port)"
    MOTO_LOG="$(mktemp -t moto-server.XXXXXX.log)"
    MOTO_IAM_LOAD_MANAGED_POLICIES=true "${launcher[@]}" -H 127.0.0.1 -p "${port}" >"${MOTO_LOG}" 2>&1 &
    MOTO_PID=$!
    export AWS_ENDPOINT_URL="http://127.0.0.1:${port}"
    export AWS_ACCESS_KEY_ID="testing" AWS_SECRET_ACCESS_KEY="testing" AWS_SESSION_TOKEN="testing"
    export AWS_REGION="${AWS_REGION:-us-east-1}"
    export AWS_DEFAULT_REGION="${AWS_REGION}"
    export AWS_PAGER="" CBOR_ENABLED="false"
    wait_for_moto "${MOTO_LOG}"
}

wait_for_moto() {
    local log_file="$1"
    if ! python3 - "${AWS_ENDPOINT_URL}" "${MOTO_PID}" <<'PY'
import os, sys, time, urllib.request
url, pid = sys.argv[1], int(sys.argv[2])
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("moto_server exited")
    try:
        with urllib.request.urlopen(url + "/moto-api/", timeout=2) as response:
            if response.status == 200:
                sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit("moto_server did not answer within 60 s")
PY
    then
        echo "moto_server did not start; its log:" >&2
        tail -n 20 "${log_file}" >&2
        exit 4
    fi
}

stop_moto() {
    if [[ -n "${MOTO_PID:-}" ]] && kill -0 "${MOTO_PID}" 2>/dev/null; then
        kill "${MOTO_PID}" 2>/dev/null || true
        wait "${MOTO_PID}" 2>/dev/null || true
    fi
    if [[ -n "${MOTO_LOG:-}" ]]; then
        rm -f -- "${MOTO_LOG}"
    fi
}

# Items in a table. A scan reads at most 1 MB a page and the CLI prints each page's count: add them up.
count_items() {
    aws dynamodb scan --table-name "$1" --select COUNT --query Count --output text |
        awk '{ n += $1 } END { print n + 0 }'
}

# Sets FLEET_ARGS to the producer's arguments for one of the two fleets the demo and the soak send, the same for
# their run and their dry run: plain (sensor-1..N) or aggregated (gateway-1..N, the prefix by which
# scripts/lib/readings.py tells them apart). Reads SENSORS, SEED and START_TIME.
fleet_args() {
    local fleet="$1" count="$2"
    FLEET_ARGS=(--sensors "${SENSORS}" --seed "${SEED}" --start-time "${START_TIME}" --humidity --count "${count}")
    if [[ "${fleet}" == aggregated ]]; then
        FLEET_ARGS+=(--sensor-prefix gateway-)
    fi
}

# Writes both fleets' readings, as the producer's --dry-run gives them, to the file given. Reads PRODUCER_JAR.
write_expected_readings() {
    local file="$1" plain_count="$2" aggregated_count="$3"
    fleet_args plain "${plain_count}"
    java -jar "${PRODUCER_JAR}" "${FLEET_ARGS[@]}" --dry-run 2>/dev/null >"${file}"
    if ((aggregated_count > 0)); then
        fleet_args aggregated "${aggregated_count}"
        java -jar "${PRODUCER_JAR}" "${FLEET_ARGS[@]}" --dry-run 2>/dev/null >>"${file}"
    fi
}

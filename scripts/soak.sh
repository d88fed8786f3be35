#!/usr/bin/env bash
# A zero-loss soak of the whole local pipeline under faults: the producer, the local event source runner, the
# function and moto_server, with a proxy in front of the endpoint that throttles, half-writes (UnprocessedItems)
# and fails (500) DynamoDB writes, throttles GetRecords and refuses a share of PutRecords entries. Midway it kills
# the runner and the function's JVM with SIGKILL and starts the runner again; it mixes in bad records. At the end
# it compares the tables with what was produced and prints the figures. Exit 0 only when nothing was lost.
#
#   scripts/soak.sh                    # 20,000 readings from 50 sensors, 5,000 more KPL-aggregated
#   scripts/soak.sh --count 3000       # a shorter run (the test suite runs one)
#
# Options: --count N readings one per record (20000), --aggregated N more from a second fleet as large (gateway-1..)
# in KPL-aggregated records (5000), --sensors N per fleet (50), --seed N (7), --bad N bad records (20),
# --timeout SECONDS (900).
# SOAK_KEEP=1 keeps the logs (producer, proxy, runners) and prints where. Names, as for deploy.sh: STREAM_NAME,
# TABLE_NAME, REJECTS_TABLE_NAME, FUNCTION_NAME.
set -euo pipefail

# shellcheck source=scripts/lib/local-endpoint.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/local-endpoint.sh"

readonly PRODUCER_JAR="${ROOT}/producer/target/sensor-producer.jar"
readonly FAULTS_JAR="${ROOT}/testkit/target/sensor-faults.jar"

COUNT=20000
AGGREGATED=5000
SENSORS=50
SEED=7
BAD=20
TIMEOUT=900
WORK_DIR=""
PROXY_PID=""
RUNNER_PID=""
RUNNER_STARTS=0
PRODUCER_PIDS=()

parse_arguments() {
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --count) cli_need_number "$@"; COUNT="$2"; shift ;;
            --aggregated) cli_need_number "$@"; AGGREGATED="$2"; shift ;;
            --sensors) cli_need_number "$@"; SENSORS="$2"; shift ;;
            --seed) cli_need_number "$@"; SEED="$2"; shift ;;
            --bad) cli_need_number "$@"; BAD="$2"; shift ;;
            --timeout) cli_need_number "$@"; TIMEOUT="$2"; shift ;;
            -h | --help) cli_help ;;
            *) cli_unknown "$1" ;;
        esac
        shift
    done
}

cleanup() {
    local pid
    for pid in "${PRODUCER_PIDS[@]}"; do
        kill "${pid}" 2>/dev/null || true
    done
    stop_runner KILL
    if [[ -n "${PROXY_PID}" ]] && kill -0 "${PROXY_PID}" 2>/dev/null; then
        kill "${PROXY_PID}" 2>/dev/null || true
        wait "${PROXY_PID}" 2>/dev/null || true
    fi
    stop_moto
    if [[ -n "${WORK_DIR}" && -z "${SOAK_KEEP:-}" ]]; then
        rm -rf "${WORK_DIR}"
    elif [[ -n "${WORK_DIR}" ]]; then
        echo "logs kept in ${WORK_DIR}"
    fi
}

start_fault_proxy() {
    local line
    java -jar "${FAULTS_JAR}" --upstream "${AWS_ENDPOINT_URL}" --seed "${SEED}" \
        --throttle-batch-write-item 0.1 --fail-batch-write-item 0.05 --leave-items-unprocessed 0.2 \
        --throttle-get-records 0.1 --refuse-put-records-entries 0.1 >"${WORK_DIR}/proxy.log" 2>&1 &
    PROXY_PID=$!
    while ! line="$(grep -m 1 '^listening on ' "${WORK_DIR}/proxy.log")"; do
        kill -0 "${PROXY_PID}" 2>/dev/null || { cat "${WORK_DIR}/proxy.log" >&2; return 1; }
        sleep 0.1
    done
    export AWS_ENDPOINT_URL="${line#listening on }"
    echo "== fault proxy at ${AWS_ENDPOINT_URL}: throttles 10%, fails 5%, half-writes 20% of DynamoDB writes;"
    echo "   throttles 10% of GetRecords; refuses 10% of PutRecords entries"
}

deploy() {
    "${ROOT}/scripts/deploy.sh" >"${WORK_DIR}/deploy.log" 2>&1 || { cat "${WORK_DIR}/deploy.log" >&2; return 1; }
    echo "== deployed through the proxy: stream ${STREAM_NAME}, tables ${TABLE_NAME} and ${REJECTS_TABLE_NAME}," \
        "function ${FUNCTION_NAME}"
}

# The runner and the function's JVM get a process group of their own, so one signal reaches both.
start_runner() {
    RUNNER_STARTS=$((RUNNER_STARTS + 1))
    setsid "${ROOT}/scripts/run-local.sh" --state-dir "${WORK_DIR}/runner-state" \
        >"${WORK_DIR}/runner-${RUNNER_STARTS}.log" 2>&1 &
    RUNNER_PID=$!
    echo "== runner started (${RUNNER_STARTS})"
}

stop_runner() {
    local signal="$1"
    if [[ -n "${RUNNER_PID}" ]] && kill -0 "${RUNNER_PID}" 2>/dev/null; then
        kill "-${signal}" -- "-${RUNNER_PID}" 2>/dev/null || true
        wait "${RUNNER_PID}" 2>/dev/null || true
    fi
    RUNNER_PID=""
}

# Each producer runs as a job of this shell, so that $! is its JVM and cleanup can stop it.
produce() {
    START_TIME="$(date +%s)"
    STARTED_AT="${SECONDS}"
    fleet_args plain "${COUNT}"
    java -jar "${PRODUCER_JAR}" "${FLEET_ARGS[@]}" --rate 0 --max-retries 50 --progress never \
        >"${WORK_DIR}/producer.log" 2>&1 &
    PRODUCER_PIDS+=($!)
    if ((AGGREGATED > 0)); then
        fleet_args aggregated "${AGGREGATED}"
        java -jar "${PRODUCER_JAR}" "${FLEET_ARGS[@]}" --aggregate --rate 0 --max-retries 50 --progress never \
            >"${WORK_DIR}/producer-aggregated.log" 2>&1 &
        PRODUCER_PIDS+=($!)
    fi
}

# One PutRecords call; the proxy may refuse some entries, so what it refused is sent again.
put_bad_records() {
    detect_raw_blob_flag
    python3 - "${BAD}" "${STREAM_NAME}" >"${WORK_DIR}/bad-records.json" <<'PY'
import json, sys
records = [{"PartitionKey": f"bad-{i}",
            "Data": json.dumps({"sensor_id": "soak", "current_time": i, "temperature": f"bad {i}"})}
           for i in range(int(sys.argv[1]))]
print(json.dumps({"StreamName": sys.argv[2], "Records": records}))
PY
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        aws kinesis put-records --cli-input-json "file://${WORK_DIR}/bad-records.json" "${RAW_BLOB_FLAG[@]}" \
            --output json >"${WORK_DIR}/bad-result.json"
        if ! python3 - "${WORK_DIR}/bad-records.json" "${WORK_DIR}/bad-result.json" <<'PY'
import json, sys
request = json.load(open(sys.argv[1]))
result = json.load(open(sys.argv[2]))
refused = [r for r, answer in zip(request["Records"], result["Records"]) if "ErrorCode" in answer]
request["Records"] = refused
json.dump(request, open(sys.argv[1], "w"))
sys.exit(1 if refused else 0)
PY
        then
            continue
        fi
        echo "== put ${BAD} bad records"
        return 0
    done
    echo "soak: the bad records were refused ten times" >&2
    return 1
}

wait_for_stored() {
    local target="$1" deadline=$((SECONDS + TIMEOUT)) stored=0
    while ((SECONDS < deadline)); do
        stored="$(count_items "${TABLE_NAME}")"
        if [[ "${stored}" -ge "${target}" ]]; then
            return 0
        fi
        sleep 1
    done
    echo "soak: ${stored} of ${target} readings stored after ${TIMEOUT} s" >&2
    return 1
}

kill_runner_midway() {
    wait_for_stored $(((COUNT + AGGREGATED) / 3))
    echo "== SIGKILL to the runner and the function's JVM at $(count_items "${TABLE_NAME}") stored"
    stop_runner KILL
    start_runner
}

wait_until_everything_is_in() {
    local pid
    for pid in "${PRODUCER_PIDS[@]}"; do
        if ! wait "${pid}"; then
            echo "soak: a producer did not deliver everything:" >&2
            tail -n 5 "${WORK_DIR}"/producer*.log >&2
            return 1
        fi
    done
    wait_for_stored $((COUNT + AGGREGATED))
    local deadline=$((SECONDS + TIMEOUT))
    while [[ "$(count_items "${REJECTS_TABLE_NAME}")" -lt "${BAD}" ]] && ((SECONDS < deadline)); do
        sleep 1
    done
    ELAPSED=$((SECONDS - STARTED_AT))
}

report() {
    stop_runner TERM
    kill -TERM "${PROXY_PID}" 2>/dev/null || true
    wait "${PROXY_PID}" 2>/dev/null || true
    PROXY_PID=""
    write_expected_readings "${WORK_DIR}/expected.jsonl" "${COUNT}" "${AGGREGATED}"
    export AWS_ENDPOINT_URL="${MOTO_ENDPOINT}"
    aws dynamodb scan --table-name "${TABLE_NAME}" --output json >"${WORK_DIR}/stored.json"
    echo "== soak figures"
    PYTHONPATH="${ROOT}/scripts/lib" python3 - "${WORK_DIR}" "$(count_items "${REJECTS_TABLE_NAME}")" \
        "${BAD}" "${ELAPSED}" <<'PY'
import glob, json, sys
from readings import by_fleet, expected_readings, lost_readings, stored_count, stored_items
work, rejected, bad, elapsed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
expected = expected_readings(f"{work}/expected.jsonl")
stored = stored_items(f"{work}/stored.json")
lost = lost_readings(expected, stored)
written = 0
for log in glob.glob(f"{work}/runner-*.log"):
    for line in open(log, errors="replace"):
        start = line.find('{"timestamp"')
        if start >= 0 and '"batch processed"' in line:
            try:
                written += json.loads(line[start:])["stored"]
            except (ValueError, KeyError):
                pass
faults = {}
for line in open(f"{work}/proxy.log"):
    if line.startswith("stats "):
        faults = json.loads(line[len("stats "):]).get("operations", {})
injected = {key: sum(op.get(key, 0) for op in faults.values())
            for key in ("throttled", "failed", "itemsLeftUnprocessed", "entriesRefused")}
print(f"   produced            {len(expected)} {by_fleet(expected, len)}")
def in_table(readings):
    return stored_count(readings, stored)
print(f"   stored              {in_table(expected)} {by_fleet(expected, in_table)}")
print(f"   rejected            {rejected} (of {bad} bad records put)")
print(f"   lost                {len(lost)}")
print(f"   duplicates written  {max(0, written - len(expected))} (items written again by retries and replays)")
print(f"   faults injected     {injected['throttled']} throttled, {injected['failed']} failed (500),"
      f" {injected['itemsLeftUnprocessed']} items left unprocessed, {injected['entriesRefused']} entries refused")
print(f"   runner SIGKILLed    1, restarted")
print(f"   time                {elapsed} s")
sys.exit(1 if lost or rejected != bad else 0)
PY
}

main() {
    parse_arguments "$@"
    check_prerequisites
    resolve_names
    ensure_built lambda local producer testkit
    WORK_DIR="$(mktemp -d -t sensor-soak.XXXXXX)"
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    start_moto
    MOTO_ENDPOINT="${AWS_ENDPOINT_URL}"
    start_fault_proxy
    deploy
    start_runner
    produce
    kill_runner_midway
    put_bad_records
    wait_until_everything_is_in
    report
}

main "$@"

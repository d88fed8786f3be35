#!/usr/bin/env bash
# The main job, locally, with no AWS account: the whole pipeline on moto_server.
#
#   scripts/demo.sh
#
# Builds what is missing, starts moto_server on a free loopback port, deploys the stream, tables, role, function
# and event source mapping there with scripts/deploy.sh, starts the local event source runner (the function in its
# own JVM on the Lambda runtime interface client), pumps readings with the producer (one fleet one reading per
# record, a second fleet, gateway-1..N, KPL-aggregated many readings per record) and a few bad records with the aws
# CLI, waits until everything is in, and prints: produced, stored, rejected, lost, readings/s, and the hottest
# readings of one sensor through TemperatureIndex. Stops everything it started, also on Ctrl-C or failure.
#
# Tunable: DEMO_SENSORS (5), DEMO_READINGS (3000) one per record, DEMO_AGGREGATED_READINGS (3000), DEMO_SEED (42),
# DEMO_TIMEOUT seconds to wait for the tables (300). Names, as for deploy.sh: STREAM_NAME, TABLE_NAME,
# REJECTS_TABLE_NAME, FUNCTION_NAME.
set -euo pipefail

# shellcheck source=scripts/lib/local-endpoint.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/local-endpoint.sh"
# shellcheck source=scripts/lib/charts.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/charts.sh"

readonly SENSORS="${DEMO_SENSORS:-5}"
readonly PLAIN_READINGS="${DEMO_READINGS:-3000}"
readonly AGGREGATED_READINGS="${DEMO_AGGREGATED_READINGS:-3000}"
readonly READINGS=$((PLAIN_READINGS + AGGREGATED_READINGS))
readonly SEED="${DEMO_SEED:-42}"
readonly TIMEOUT="${DEMO_TIMEOUT:-300}"
readonly PRODUCER_JAR="${ROOT}/producer/target/sensor-producer.jar"
readonly BAD_RECORDS=(
    'this is not json'
    '{"sensor_id":"sensor-1","current_time":"noon","temperature":70}'
    '{"sensor_id":"","current_time":1764400000,"temperature":70}'
    '{"sensor_id":"sensor-1","current_time":1764400000,"temperature":70,"humidity":140}'
)

WORK_DIR=""
RUNNER_PID=""

cleanup() {
    local status=$?
    if [[ -n "${RUNNER_PID}" ]] && kill -0 "${RUNNER_PID}" 2>/dev/null; then
        kill -TERM "${RUNNER_PID}" 2>/dev/null || true
        wait "${RUNNER_PID}" 2>/dev/null || true
    fi
    stop_moto
    if [[ -n "${WORK_DIR}" ]]; then
        if [[ "${status}" -ne 0 ]]; then
            echo "demo failed; the runner's log was:" >&2
            tail -n 30 "${WORK_DIR}/runner.log" >&2 2>/dev/null || true
        fi
        rm -rf "${WORK_DIR}"
    fi
}

deploy() {
    echo "== deploying to moto at ${AWS_ENDPOINT_URL}"
    "${ROOT}/scripts/deploy.sh" >"${WORK_DIR}/deploy.log" 2>&1 || { cat "${WORK_DIR}/deploy.log" >&2; return 1; }
    sed -n '/^deployed to/,$p' "${WORK_DIR}/deploy.log"
}

start_runner() {
    echo "== starting the local event source runner (log: REPORT lines below)"
    "${ROOT}/scripts/run-local.sh" --state-dir "${WORK_DIR}/runner-state" >"${WORK_DIR}/runner.log" 2>&1 &
    RUNNER_PID=$!
}

produce() {
    START_TIME="$(date +%s)"
    PRODUCE_STARTED="$(date +%s.%N)"
    echo "== producing ${PLAIN_READINGS} readings from ${SENSORS} sensors, one per record (seed ${SEED})"
    fleet_args plain "${PLAIN_READINGS}"
    java -jar "${PRODUCER_JAR}" "${FLEET_ARGS[@]}" --rate 0 --progress never
    if ((AGGREGATED_READINGS > 0)); then
        echo "== producing ${AGGREGATED_READINGS} readings from ${SENSORS} gateway sensors, KPL-aggregated"
        fleet_args aggregated "${AGGREGATED_READINGS}"
        java -jar "${PRODUCER_JAR}" "${FLEET_ARGS[@]}" --aggregate --rate 0 --progress never
    fi
}

put_bad_records() {
    local record i=0
    detect_raw_blob_flag
    echo "== putting ${#BAD_RECORDS[@]} bad records with the aws CLI"
    for record in "${BAD_RECORDS[@]}"; do
        aws kinesis put-record --stream-name "${STREAM_NAME}" --partition-key "bad-$((i++))" \
            --data "${record}" "${RAW_BLOB_FLAG[@]}" >/dev/null
    done
}

wait_until_everything_is_in() {
    local deadline=$((SECONDS + TIMEOUT)) stored rejected
    echo "== waiting until ${READINGS} readings and ${#BAD_RECORDS[@]} rejects are in (at most ${TIMEOUT} s)"
    while ((SECONDS < deadline)); do
        if ! kill -0 "${RUNNER_PID}" 2>/dev/null; then
            echo "the runner stopped unexpectedly" >&2
            return 1
        fi
        stored="$(count_items "${TABLE_NAME}")"
        rejected="$(count_items "${REJECTS_TABLE_NAME}")"
        if [[ "${stored}" -ge "${READINGS}" && "${rejected}" -ge "${#BAD_RECORDS[@]}" ]]; then
            ALL_IN_AT="$(date +%s.%N)"
            return 0
        fi
        sleep 1
    done
    echo "not everything arrived within ${TIMEOUT} s: ${stored} stored, ${rejected} rejected" >&2
    return 1
}

# Compares every produced reading with its item, value for value.
print_summary() {
    write_expected_readings "${WORK_DIR}/expected.jsonl" "${PLAIN_READINGS}" "${AGGREGATED_READINGS}"
    aws dynamodb scan --table-name "${TABLE_NAME}" --output json >"${WORK_DIR}/stored.json"
    echo "== summary"
    PYTHONPATH="${ROOT}/scripts/lib" python3 - "${WORK_DIR}/expected.jsonl" "${WORK_DIR}/stored.json" \
        "$(count_items "${REJECTS_TABLE_NAME}")" "${PRODUCE_STARTED}" "${ALL_IN_AT}" <<'PY'
import sys
from readings import by_fleet, expected_readings, lost_readings, stored_count, stored_items
expected_file, stored_file, rejected, started, done = sys.argv[1:6]
expected = expected_readings(expected_file)
stored = stored_items(stored_file)
lost = lost_readings(expected, stored)
seconds = float(done) - float(started)
print(f"   produced  {len(expected)} {by_fleet(expected, len)}")
def in_table(readings):
    return stored_count(readings, stored)
print(f"   stored    {in_table(expected)} {by_fleet(expected, in_table)}")
print(f"   rejected  {rejected}")
print(f"   lost      {len(lost)}")
print(f"   readings/s {len(expected) / seconds:.0f} (first put to last item stored: {seconds:.1f} s)")
sys.exit(1 if lost else 0)
PY
    echo "   the three hottest readings of sensor-1, through TemperatureIndex:"
    aws dynamodb query --table-name "${TABLE_NAME}" --index-name TemperatureIndex \
        --key-condition-expression 'SensorId = :sensor' \
        --expression-attribute-values '{":sensor": {"S": "sensor-1"}}' \
        --no-scan-index-forward --limit 3 --no-paginate \
        --query 'Items[:3].[CurrentTime.N, Temperature.N]' --output text | sed 's/^/     time, temperature: /'
    echo "   the runner's invocations:"
    grep -c '^REPORT' "${WORK_DIR}/runner.log" | sed 's/^/     REPORT lines: /'
    grep -m 1 '^REPORT' "${WORK_DIR}/runner.log" | sed 's/^/     first: /'
}

main() {
    cli_no_arguments "$@"
    check_prerequisites
    resolve_names
    ensure_built lambda local producer
    WORK_DIR="$(mktemp -d -t sensor-demo.XXXXXX)"
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    start_moto
    deploy
    start_runner
    produce
    put_bad_records
    wait_until_everything_is_in
    print_summary
    write_charts "${SENSORS}"
}

main "$@"

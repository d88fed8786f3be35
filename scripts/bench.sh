#!/usr/bin/env bash
# End to end on the local pipeline (producer, local runner, function, moto): readings/s from the first put to the
# last item stored, for our function and, in the same run, for a baseline written the book's way (one PutItem per
# record, benchmarks/.../BookWayHandler), each on a stream and tables of its own. Runs alternate; prints every run,
# the medians and the ratio.
#
#   scripts/bench.sh                 # 3 runs of 3,000 readings each
#   RUNS=5 READINGS=5000 scripts/bench.sh
set -euo pipefail

# shellcheck source=scripts/lib/local-endpoint.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/local-endpoint.sh"

readonly RUNS="${RUNS:-3}"
readonly READINGS="${READINGS:-3000}"
readonly SENSORS="${SENSORS:-20}"
readonly PRODUCER_JAR="${ROOT}/producer/target/sensor-producer.jar"
readonly BASELINE_JAR="${ROOT}/benchmarks/target/book-way-lambda.jar"
readonly BASELINE_HANDLER="dev.sensorpipeline.benchmarks.bookway.BookWayHandler::handleRequest"

WORK_DIR=""
RUNNER_PID=""

cleanup() {
    if [[ -n "${RUNNER_PID}" ]] && kill -0 "${RUNNER_PID}" 2>/dev/null; then
        kill -TERM "${RUNNER_PID}" 2>/dev/null || true
        wait "${RUNNER_PID}" 2>/dev/null || true
    fi
    stop_moto
    if [[ -n "${WORK_DIR}" ]]; then
        rm -rf "${WORK_DIR}"
    fi
}

# Each variant: its own function, stream and tables, so the two never share a shard or a table. The baseline is the
# ingest side only (DEPLOY_ALERTS=false): the book has no alerts.
deploy_variants() {
    echo "== deploying ours (sensor-ingest) and the baseline (sensor-ingest-book)"
    "${ROOT}/scripts/deploy.sh" >"${WORK_DIR}/deploy-ours.log" 2>&1 ||
        { cat "${WORK_DIR}/deploy-ours.log" >&2; return 1; }
    FUNCTION_NAME=sensor-ingest-book STREAM_NAME=temperature-sensor-data-book TABLE_NAME=SensorDataBook \
        REJECTS_TABLE_NAME=SensorDataBookRejects FUNCTION_JAR="${BASELINE_JAR}" FUNCTION_HANDLER="${BASELINE_HANDLER}" \
        DEPLOY_ALERTS=false \
        "${ROOT}/scripts/deploy.sh" >"${WORK_DIR}/deploy-book.log" 2>&1 ||
        { cat "${WORK_DIR}/deploy-book.log" >&2; return 1; }
}

# One run: runner for the variant, producer, wait for the table to grow by READINGS; prints readings/s.
run_variant() {
    local function="$1" jar="$2" stream="$3" table="$4" run="$5" before started target now
    before="$(count_items "${table}")"
    target=$((before + READINGS))
    "${ROOT}/scripts/run-local.sh" --function-name "${function}" --function-jar "${jar}" \
        --state-dir "${WORK_DIR}/state-${function}" >"${WORK_DIR}/runner-${function}-${run}.log" 2>&1 &
    RUNNER_PID=$!
    started="$(date +%s.%N)"
    java -jar "${PRODUCER_JAR}" --stream "${stream}" --sensors "${SENSORS}" --count "${READINGS}" \
        --seed "${run}" --start-time "$((1764400000 + run * 100000))" --rate 0 --progress never \
        >"${WORK_DIR}/producer-${function}-${run}.log" 2>&1
    while [[ "$(count_items "${table}")" -lt "${target}" ]]; do
        kill -0 "${RUNNER_PID}" 2>/dev/null || { tail "${WORK_DIR}/runner-${function}-${run}.log" >&2; return 1; }
        sleep 0.5
    done
    now="$(date +%s.%N)"
    kill -TERM "${RUNNER_PID}" 2>/dev/null || true
    wait "${RUNNER_PID}" 2>/dev/null || true
    RUNNER_PID=""
    python3 -c "print(f'{${READINGS} / (${now} - ${started}):.0f}')"
}

measure() {
    local run ours book
    echo "run  ours_readings_per_s  book_way_readings_per_s"
    for ((run = 1; run <= RUNS; run++)); do
        ours="$(run_variant sensor-ingest "${ROOT}/lambda/target/sensor-ingest-lambda.jar" temperature-sensor-data \
            SensorData "${run}")"
        book="$(run_variant sensor-ingest-book "${BASELINE_JAR}" temperature-sensor-data-book SensorDataBook "${run}")"
        printf '%3d  %19s  %23s\n' "${run}" "${ours}" "${book}"
        echo "${ours} ${book}" >>"${WORK_DIR}/figures"
    done
    python3 - "${WORK_DIR}/figures" <<'PY'
import statistics, sys
rows = [tuple(map(float, line.split())) for line in open(sys.argv[1])]
ours = statistics.median(r[0] for r in rows)
book = statistics.median(r[1] for r in rows)
print(f"median of {len(rows)}: ours {ours:.0f} readings/s, book's way {book:.0f} readings/s, ratio {ours / book:.1f}x")
PY
}

main() {
    cli_no_arguments "$@"
    check_prerequisites
    ensure_built lambda local producer benchmarks
    WORK_DIR="$(mktemp -d -t sensor-bench.XXXXXX)"
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    start_moto
    deploy_variants
    measure
}

main "$@"

#!/usr/bin/env bash
# Cold start of the ingest function, measured as Lambda reports it: a fresh JVM per run (scripts/invoke-local.sh,
# the runtime's own serializer), the first batch being test-payloads/batch-100.json (100 readings), against
# moto_server on loopback. Prints each run's REPORT figures and the medians of Init Duration, Duration and their sum.
#
#   scripts/bench-cold-start.sh [RUNS]      # default 5
set -euo pipefail

readonly ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/local-endpoint.sh
source "${ROOT}/scripts/lib/local-endpoint.sh"

readonly RUNS="${1:-5}"
readonly EVENT="${ROOT}/test-payloads/batch-100.json"

build_if_needed() {
    if [[ ! -f "${ROOT}/lambda/target/sensor-ingest-lambda.jar" || ! -f "${ROOT}/local/target/sensor-local.jar" ]]; then
        (cd "${ROOT}" && mvn -B -q package -DskipTests -pl lambda,local -am)
    fi
}

create_tables() {
    (cd "${ROOT}" &&
        aws dynamodb create-table --cli-input-json file://infra/sensor-data-table.json >/dev/null &&
        aws dynamodb create-table --cli-input-json file://infra/sensor-data-rejects-table.json >/dev/null &&
        aws dynamodb wait table-exists --table-name SensorData &&
        aws dynamodb wait table-exists --table-name SensorDataRejects)
}

# Prints "init duration" in ms for one fresh JVM.
one_run() {
    local log
    log="$(mktemp)"
    "${ROOT}/scripts/invoke-local.sh" "${EVENT}" >/dev/null 2>"${log}"
    sed -n 's/^REPORT.*Duration: \([0-9.]*\) ms.*Billed.*Init Duration: \([0-9.]*\) ms.*/\2 \1/p' "${log}"
    rm -f "${log}"
}

measure() {
    local run figures
    figures="$(mktemp)"
    echo "run  init_ms  duration_ms  total_ms"
    for ((run = 1; run <= RUNS; run++)); do
        one_run | tee -a "${figures}" | awk -v run="${run}" '{ printf "%3d  %7.1f  %11.1f  %8.1f\n", run, $1, $2, $1 + $2 }'
    done
    python3 - "${figures}" <<'PY'
import statistics, sys
rows = [tuple(map(float, line.split())) for line in open(sys.argv[1]) if line.strip()]
init = statistics.median(r[0] for r in rows)
duration = statistics.median(r[1] for r in rows)
total = statistics.median(r[0] + r[1] for r in rows)
print(f"median of {len(rows)}: init {init:.1f} ms, duration {duration:.1f} ms, init + duration {total:.1f} ms")
PY
    rm -f "${figures}"
}

main() {
    check_prerequisites
    build_if_needed
    trap stop_moto EXIT
    start_moto
    create_tables
    measure
}

main "$@"

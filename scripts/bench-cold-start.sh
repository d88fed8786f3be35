#!/usr/bin/env bash
# Cold start of the ingest function, measured as Lambda reports it: a fresh JVM per run (scripts/invoke-local.sh,
# the runtime's own serializer), the first batch being test-payloads/batch-100.json (100 readings), against
# moto_server on loopback. Prints each run's REPORT figures and the medians of Init Duration, Duration and their sum.
#
#   scripts/bench-cold-start.sh [--baseline JAR] [RUNS]      # RUNS default 5
#
# With --baseline, every round also runs JAR (another build of the function, e.g. one from before a change), the two
# alternating which goes first, and prints the median of the paired differences: on a shared machine only a
# comparison within one run means much.
set -euo pipefail

# shellcheck source=scripts/lib/local-endpoint.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/local-endpoint.sh"

readonly EVENT="${ROOT}/test-payloads/batch-100.json"
readonly CURRENT_JAR="${ROOT}/lambda/target/sensor-ingest-lambda.jar"
BASELINE_JAR=""
RUNS=5

parse_arguments() {
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --baseline)
                cli_need_value "$@"
                [[ -f "$2" ]] || cli_fail "--baseline needs the path of a function jar; no file at '$2'"
                BASELINE_JAR="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
                shift
                ;;
            -h | --help) cli_help ;;
            -*) cli_unknown "$1" ;;
            *)
                [[ "$1" =~ ^[1-9][0-9]*$ ]] || cli_fail "'$1' is not a number of runs"
                RUNS="$1"
                ;;
        esac
        shift
    done
}

create_tables() {
    (cd "${ROOT}" &&
        aws dynamodb create-table --cli-input-json file://infra/sensor-data-table.json >/dev/null &&
        aws dynamodb create-table --cli-input-json file://infra/sensor-data-rejects-table.json >/dev/null &&
        aws dynamodb wait table-exists --table-name SensorData &&
        aws dynamodb wait table-exists --table-name SensorDataRejects)
}

# Prints "init_ms duration_ms" for one fresh JVM running the given jar.
one_run() {
    local jar="$1" log
    log="$(mktemp)"
    FUNCTION_JAR="${jar}" "${ROOT}/scripts/invoke-local.sh" "${EVENT}" >/dev/null 2>"${log}"
    sed -n 's/^REPORT.*Duration: \([0-9.]*\) ms.*Billed.*Init Duration: \([0-9.]*\) ms.*/\2 \1/p' "${log}"
    rm -f "${log}"
}

# Appends "variant run init_ms duration_ms" rows to the given file, alternating which variant goes first.
measure() {
    local figures="$1" run variant
    local -a variants=(current)
    if [[ -n "${BASELINE_JAR}" ]]; then
        variants=(current baseline)
    fi
    echo "variant   run  init_ms  duration_ms  total_ms"
    local -a order
    for ((run = 1; run <= RUNS; run++)); do
        order=("${variants[@]}")
        if ((run % 2 == 0)) && [[ ${#variants[@]} -eq 2 ]]; then
            order=("${variants[1]}" "${variants[0]}")
        fi
        for variant in "${order[@]}"; do
            one_run "$(jar_of "${variant}")" | awk -v variant="${variant}" -v run="${run}" -v figures="${figures}" '{
                printf "%-8s  %3d  %7.1f  %11.1f  %8.1f\n", variant, run, $1, $2, $1 + $2
                printf "%s %d %s %s\n", variant, run, $1, $2 >> figures }'
        done
    done
}

jar_of() {
    if [[ "$1" == baseline ]]; then
        echo "${BASELINE_JAR}"
    else
        echo "${CURRENT_JAR}"
    fi
}

summarize() {
    python3 - "$1" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    variant, run, init, duration = line.split()
    runs[variant][int(run)] = (float(init), float(duration))
for variant, rows in runs.items():
    init = statistics.median(r[0] for r in rows.values())
    duration = statistics.median(r[1] for r in rows.values())
    total = statistics.median(sum(r) for r in rows.values())
    print(f"{variant}: median of {len(rows)}: init {init:.1f} ms, duration {duration:.1f} ms, "
          f"init + duration {total:.1f} ms")
if "baseline" in runs:
    paired = [sum(runs["current"][run]) - sum(runs["baseline"][run])
              for run in runs["current"] if run in runs["baseline"]]
    faster = sum(1 for d in paired if d < 0)
    print(f"current - baseline, median of {len(paired)} paired differences: {statistics.median(paired):+.1f} ms"
          f" (current faster in {faster} of {len(paired)})")
PY
}

main() {
    parse_arguments "$@"
    check_prerequisites
    ensure_built lambda local
    trap stop_moto EXIT
    start_moto
    create_tables
    local figures
    figures="$(mktemp)"
    measure "${figures}"
    summarize "${figures}"
    rm -f "${figures}"
}

main "$@"

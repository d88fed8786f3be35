#!/usr/bin/env bash
# Figures, not a test: what --aggregate does to a shard's budget and to the bill, next to one reading per record.
#
# 1. Shard budget (no AWS needed, deterministic): the producer writes the same fleet's readings as Lambda event
#    files (--events-out, the records a --rate 0 run puts), plain and aggregated; from the records' sizes (data and
#    partition key, as Kinesis counts them) come readings per record, bytes per reading, PUT payload units per
#    million readings (each record counts ceil(size / 25 KiB)), and the readings a shard takes per second within
#    both of its limits: min(1,000 records/s x readings per record, 1 MiB/s / bytes per reading).
# 2. On moto (RUNS > 0): the producer's own readings/s and records, plain and --aggregate, interleaved, on a fresh
#    2-shard stream each run. moto's per-record work dominates; these are not Kinesis's figures.
#
# Usage: scripts/bench-aggregation.sh            (builds the producer when its jar is missing or stale)
# Tunables: READINGS (20000), RUNS (3; 0 skips the moto part)
set -euo pipefail

# shellcheck source=scripts/lib/local-endpoint.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/local-endpoint.sh"
# shellcheck source=scripts/lib/bench.sh
source "${ROOT}/scripts/lib/bench.sh"

readonly PRODUCER_JAR="${ROOT}/producer/target/sensor-producer.jar"
readonly READINGS="${READINGS:-20000}"
readonly RUNS="${RUNS:-3}"
readonly START_TIME=1764374400

WORK_DIR=""

fail() {
    echo "bench-aggregation: $*" >&2
    exit 1
}

cleanup() {
    stop_moto
    if [[ -n "${WORK_DIR}" ]]; then
        rm -rf -- "${WORK_DIR}"
    fi
}

# Prints one table row from an event file: records, readings per record, bytes per reading, PUT payload units per
# million readings, and the readings/s a shard takes within its record and byte limits.
row_of() {
    local label="$1" readings="$2" file="$3"
    python3 - "${label}" "${readings}" "${file}" <<'PY'
import base64, json, math, sys
label, readings, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
UNIT, SHARD_RECORDS, SHARD_BYTES = 25 * 1024, 1000, 1024 * 1024
sizes = [len(base64.b64decode(r["kinesis"]["data"])) + len(r["kinesis"]["partitionKey"].encode("utf-8"))
         for r in json.load(open(path))["Records"]]
records, total = len(sizes), sum(sizes)
units = sum(max(1, math.ceil(size / UNIT)) for size in sizes)
per_record = readings / records
per_reading = total / readings
by_records = SHARD_RECORDS * per_record
by_bytes = SHARD_BYTES / per_reading
both = min(by_records, by_bytes)
print(f"| {label} | {records:,} | {per_record:,.1f} | {max(sizes):,} | {per_reading:.1f} | "
      f"{units * 1_000_000 / readings:,.0f} | {by_records:,.0f} | {by_bytes:,.0f} | **{both:,.0f}** |")
PY
}

# Writes the fleet's readings as an event file and prints its row.
event_row() {
    local label="$1" fleet="$2"
    shift 2
    local file="${WORK_DIR}/${RANDOM}.json"
    # shellcheck disable=SC2086 # the fleet's options are words on purpose
    java -jar "${PRODUCER_JAR}" ${fleet} --count "${READINGS}" --seed 7 --start-time "${START_TIME}" "$@" \
        --events-out "${file}" 2>/dev/null || fail "the producer failed for: ${label}"
    row_of "${label}" "${READINGS}" "${file}"
}

shard_budget() {
    local fleet name options
    echo "| fleet and records | records | readings per record | largest record (bytes) | bytes per reading |" \
        "PUT payload units per million readings | readings/s per shard, 1,000 records/s |" \
        "readings/s per shard, 1 MiB/s | readings/s per shard, both limits |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for fleet in "13 sensors|--sensors 13" "13 sensors, humidity|--sensors 13 --humidity" \
        "10,000 sensors|--sensors 10000"; do
        name="${fleet%%|*}"
        options="${fleet#*|}"
        event_row "${name}: one reading per record" "${options}"
        event_row "${name}: --aggregate (25 KiB)" "${options}" --aggregate
        event_row "${name}: --aggregate-max-bytes 1048576" "${options}" --aggregate --aggregate-max-bytes 1048576
    done
}

on_moto() {
    local plain_rates=() aggregated_rates=() run summary
    start_moto
    echo "moto at ${AWS_ENDPOINT_URL} ($(moto_launcher))" >&2
    for ((run = 1; run <= RUNS; run++)); do
        summary="$(producer_run "$(new_bench_stream plain "${run}")" --sensors 13 --count "${READINGS}" \
            --progress never)"
        plain_rates+=("$(rate_of "${summary}")")
        summary="$(producer_run "$(new_bench_stream aggregate "${run}")" --sensors 13 --count "${READINGS}" \
            --progress never --aggregate)"
        aggregated_rates+=("$(rate_of "${summary}")")
    done
    echo "on moto, ${READINGS} readings of 13 sensors, --rate 0, 2 shards:"
    echo "  one reading per record: ${plain_rates[*]} readings/s; median" \
        "$(printf '%s\n' "${plain_rates[@]}" | median)"
    echo "  --aggregate:            ${aggregated_rates[*]} readings/s; median" \
        "$(printf '%s\n' "${aggregated_rates[@]}" | median)"
    echo "  last aggregated run: ${summary}"
}

main() {
    cli_no_arguments "$@"
    trap cleanup EXIT
    check_prerequisites
    ensure_built producer
    WORK_DIR="$(mktemp -d)"
    echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); ${READINGS} readings per fleet"
    shard_budget
    if ((RUNS > 0)); then
        on_moto
    fi
}

main "$@"

#!/usr/bin/env bash
# Benchmark, not a test: readings per second of the producer (PutRecords, up to 500 readings a call, keyed by
# sensor) next to the book's way (one PutRecord per reading, constant key), against moto_server on loopback, in the
# same run. Prints every run and the medians; the figures go in producer/README.md.
#
# Usage: scripts/bench-producer.sh            (builds the producer when its jar is missing or stale)
# Tunables: READINGS (20000), BOOK_READINGS (2000: the book's way is slow), RUNS (3), SENSORS (13);
# MOTO_STOCK=1 runs moto's own server instead of scripts/moto_server.py (docs/PERFORMANCE.md compares the two).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
# shellcheck source=scripts/lib/local-endpoint.sh
source "${ROOT}/scripts/lib/local-endpoint.sh"
# shellcheck source=scripts/lib/cli.sh
source "${ROOT}/scripts/lib/cli.sh"
# shellcheck source=scripts/lib/build.sh
source "${ROOT}/scripts/lib/build.sh"
readonly JAR="${ROOT}/producer/target/sensor-producer.jar"
readonly READINGS="${READINGS:-20000}"
readonly BOOK_READINGS="${BOOK_READINGS:-2000}"
readonly RUNS="${RUNS:-3}"
readonly SENSORS="${SENSORS:-13}"
readonly START_TIME=1764374400

fail() {
    echo "bench-producer: $*" >&2
    exit 1
}

create_stream() {
    local name="$1"
    (cd "${ROOT}" && aws kinesis create-stream --cli-input-json file://infra/temperature-sensor-stream.json \
        --stream-name "${name}")
    aws kinesis wait stream-exists --stream-name "${name}"
}

# Runs the producer once on a fresh 2-shard stream; prints its readings/s, from its own summary line (so JVM
# start-up and the stream check are left out, the same for both ways).
run_once() {
    local label="$1" run="$2"
    shift 2
    local stream="bench-${label}-${run}" summary rate
    create_stream "${stream}" >&2
    summary="$(java -jar "${JAR}" --stream "${stream}" --sensors "${SENSORS}" --seed 7 \
        --start-time "${START_TIME}" --rate 0 --progress never "$@" 2>&1 >/dev/null)" \
        || fail "${label} run ${run} failed: ${summary}"
    echo "  ${label} run ${run}: ${summary}" >&2
    rate="$(sed -n 's/.*(\([0-9]*\) readings\/s).*/\1/p' <<<"${summary}")"
    [[ -n "${rate}" ]] || fail "no readings/s in: ${summary}"
    echo "${rate}"
}

median() {
    sort -n | awk '{ v[NR] = $1 }
        END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

bench() {
    local producer_rates=() book_rates=() run producer_median book_median
    # Interleaved, so that a noisy moment on the machine hits both ways alike.
    for ((run = 1; run <= RUNS; run++)); do
        producer_rates+=("$(run_once putrecords "${run}" --count "${READINGS}")")
        book_rates+=("$(run_once book "${run}" --count "${BOOK_READINGS}" --book-mode)")
    done
    producer_median="$(printf '%s\n' "${producer_rates[@]}" | median)"
    book_median="$(printf '%s\n' "${book_rates[@]}" | median)"
    echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)," \
        "moto $(python3 -c 'import moto; print(moto.__version__)')"
    echo "producer, PutRecords (${READINGS} readings, ${SENSORS} sensors, key=sensor):" \
        "${producer_rates[*]} readings/s; median ${producer_median}"
    echo "book way, PutRecord per reading (${BOOK_READINGS} readings, key=sensor-data): ${book_rates[*]} readings/s;" \
        "median ${book_median}"
    awk -v p="${producer_median}" -v b="${book_median}" 'BEGIN { printf "ratio: %.0fx\n", p / b }'
}

main() {
    cli_no_arguments "$@"
    trap stop_moto EXIT
    check_prerequisites
    ensure_built producer
    start_moto
    echo "moto at ${AWS_ENDPOINT_URL} ($(moto_launcher))" >&2
    bench
}

main "$@"

#!/usr/bin/env bash
# Benchmark, not a test: readings per second of the producer (PutRecords, up to 500 readings a call, keyed by
# sensor) next to the book's way (one PutRecord per reading, constant key), against moto_server on loopback, in the
# same run. Prints every run and the medians; the figures go in producer/README.md.
#
# Usage: scripts/bench-producer.sh            (build first: mvn -B -q -pl producer -am verify)
# Tunables: READINGS (20000), BOOK_READINGS (2000: the book's way is slow), RUNS (3), SENSORS (13)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
readonly JAR="${ROOT}/producer/target/sensor-producer.jar"
readonly READINGS="${READINGS:-20000}"
readonly BOOK_READINGS="${BOOK_READINGS:-2000}"
readonly RUNS="${RUNS:-3}"
readonly SENSORS="${SENSORS:-13}"
readonly START_TIME=1764374400

MOTO_PID=""
MOTO_LOG=""
WORK_DIR=""

fail() {
    echo "bench-producer: $*" >&2
    exit 1
}

cleanup() {
    if [[ -n "${MOTO_PID}" ]] && kill -0 "${MOTO_PID}" 2>/dev/null; then
        kill "${MOTO_PID}" 2>/dev/null || true
        wait "${MOTO_PID}" 2>/dev/null || true
    fi
    if [[ -n "${WORK_DIR}" ]]; then
        rm -rf -- "${WORK_DIR}"
    fi
}

check_prerequisites() {
    local tool
    for tool in java moto_server aws python3 curl; do
        command -v "${tool}" >/dev/null || fail "${tool} not found on PATH"
    done
    [[ -f "${JAR}" ]] || fail "${JAR} is missing; build it: mvn -B -q -pl producer -am verify"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start_moto() {
    local port deadline
    port="$(free_port)"
    WORK_DIR="$(mktemp -d)"
    MOTO_LOG="${WORK_DIR}/moto.log"
    moto_server -H 127.0.0.1 -p "${port}" >"${MOTO_LOG}" 2>&1 &
    MOTO_PID=$!
    export AWS_ENDPOINT_URL="http://127.0.0.1:${port}"
    export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
    export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
    # Wait for moto to answer, not for a fixed time: start-up takes from under a second to several on a busy box.
    deadline=$((SECONDS + 60))
    until curl -fs -o /dev/null "${AWS_ENDPOINT_URL}/moto-api/"; do
        kill -0 "${MOTO_PID}" 2>/dev/null || fail "moto_server exited: $(tail -5 "${MOTO_LOG}")"
        ((SECONDS < deadline)) || fail "moto_server did not answer within 60 s"
        sleep 0.2
    done
    echo "moto_server at ${AWS_ENDPOINT_URL}" >&2
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
    trap cleanup EXIT
    check_prerequisites
    start_moto
    bench
}

main "$@"

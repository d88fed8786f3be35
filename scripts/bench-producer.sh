#!/usr/bin/env bash
# Benchmark, not a test: readings per second of the producer (PutRecords, up to 500 readings a call, keyed by
# sensor) next to the book's way (one PutRecord per reading, constant key), against moto_server on loopback, in the
# same run. Prints every run and the medians; the figures go in producer/README.md.
#
# Usage: scripts/bench-producer.sh            (builds the producer when its jar is missing or stale)
# Tunables: READINGS (20000), BOOK_READINGS (2000: the book's way is slow), RUNS (3), SENSORS (13);
# MAPPED=1 maps every stream to a function first (an event source mapping on the function itself, as a user's
# would be), which moto's own server hands each record put to; MOTO_STOCK=1 runs moto's own server instead of
# scripts/moto_server.py, which hands nothing over. docs/PERFORMANCE.md compares the two.
set -euo pipefail

# shellcheck source=scripts/lib/local-endpoint.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/local-endpoint.sh"
# shellcheck source=scripts/lib/bench.sh
source "${ROOT}/scripts/lib/bench.sh"

readonly PRODUCER_JAR="${ROOT}/producer/target/sensor-producer.jar"
# The book's way is a benchmark's baseline, not a mode of the shipped producer: benchmarks/' BookWayProducer.
readonly BOOK_WAY_COMMAND=(java -cp "${ROOT}/benchmarks/target/benchmarks.jar"
    dev.sensorpipeline.benchmarks.bookway.BookWayProducer)
readonly READINGS="${READINGS:-20000}"
readonly BOOK_READINGS="${BOOK_READINGS:-2000}"
readonly RUNS="${RUNS:-3}"
readonly SENSORS="${SENSORS:-13}"
readonly MAPPED="${MAPPED:-}"

# A function for the mappings of MAPPED=1: moto keeps it, and (stock) tries to run it in Docker per record.
create_mapped_function() {
    local role_arn code
    role_arn="$(cd "${ROOT}" && aws iam create-role --role-name bench-sink-role \
        --assume-role-policy-document file://infra/lambda-kinesis-role.json --query Role.Arn --output text)"
    code="$(mktemp -t bench-sink.XXXXXX.zip)"
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1], "w").writestr("Sink.class", b"")' "${code}"
    aws lambda create-function --function-name bench-sink --runtime java17 --handler Sink::handleRequest \
        --role "${role_arn}" --zip-file "fileb://${code}" >/dev/null
    rm -f -- "${code}"
}

# Runs the producer once on a fresh stream (mapped to the function with MAPPED=1); prints its readings/s.
rate_of_run() {
    local label="$1" run="$2" stream
    shift 2
    stream="$(new_bench_stream "${label}" "${run}")"
    if [[ -n "${MAPPED}" ]]; then
        aws lambda create-event-source-mapping --function-name bench-sink --starting-position LATEST \
            --event-source-arn "$(aws kinesis describe-stream-summary --stream-name "${stream}" \
            --query StreamDescriptionSummary.StreamARN --output text)" >/dev/null
    fi
    rate_of "$(producer_run "${stream}" --sensors "${SENSORS}" "$@")"
}

bench() {
    local producer_rates=() book_rates=() run producer_median book_median
    # Interleaved, so that a noisy moment on the machine hits both ways alike.
    for ((run = 1; run <= RUNS; run++)); do
        producer_rates+=("$(rate_of_run putrecords "${run}" --count "${READINGS}" --progress never)")
        # In the command substitution's own shell, so the producer's runs keep the producer.
        book_rates+=("$(PRODUCER_COMMAND=("${BOOK_WAY_COMMAND[@]}") && rate_of_run book "${run}" \
            --count "${BOOK_READINGS}")")
    done
    producer_median="$(printf '%s\n' "${producer_rates[@]}" | median)"
    book_median="$(printf '%s\n' "${book_rates[@]}" | median)"
    echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)," \
        "moto $(python3 -c 'import moto; print(moto.__version__)') ($(moto_launcher))${MAPPED:+, streams mapped}"
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
    ensure_built producer benchmarks
    start_moto
    echo "moto at ${AWS_ENDPOINT_URL} ($(moto_launcher))" >&2
    if [[ -n "${MAPPED}" ]]; then
        create_mapped_function
    fi
    bench
}

main "$@"

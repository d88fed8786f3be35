#!/usr/bin/env bash
# The function's own throughput, beside the usual Java way and the book's: each variant's jar in an execution
# environment of its own, as the local runner starts one (the real Lambda runtime interface client in a JVM of its
# own), that JVM held to one core (taskset), fed full batches of 100 records, against a loopback DynamoDB in a
# process of its own that answers BatchWriteItem and PutItem as DynamoDB does after a set latency. The variants take
# turns in one run: ours (IngestHandler), common (Jackson to a bean, the Enhanced Client's putItem per record) and
# book (BookWayHandler, a low-level PutItem per record).
#
#   scripts/bench-function.sh                                # 5 ms; aggregated records, 3 rounds of 5 batches
#   scripts/bench-function.sh --latency-ms 20 --records plain
#
#   --latency-ms N     DynamoDB's answer takes N ms (default 5; 0 and 20 are the other usual ones)
#   --batches N        batches per variant in a round (default 5)
#   --rounds N         rounds; the variants' order turns each round (default 3)
#   --warmup N         batches per variant before the rounds, not counted; the first is a cold start (default 3)
#   --records KIND     aggregated: ours gets KPL aggregates as the producer makes them (25 KiB, some 270 readings
#                      each), the others, which cannot open them, the same readings one per record; plain: one
#                      reading per record for all (default aggregated)
#   --work-dir DIR     keep the events and every function's log there (default: a temporary folder, removed)
#
# Prints one line per variant, starting with its name and ending with its readings/s (its readings over the sum of
# its REPORT Durations), with the median Duration of a batch, its JVM's CPU per 1,000 readings (utime + stime of
# /proc/PID/stat) and DynamoDB requests per reading; then the ratios ours/common and ours/book. Progress on stderr.
# The function runs on core 1 and the DynamoDB stub on core 0 when the machine has two or more.
# Exit: 0 done; 1 the bench failed (a variant did not store every record, say); 2 bad usage; 3 the build failed.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

readonly BENCH_JAR="${ROOT}/benchmarks/target/benchmarks.jar"
readonly RUNNER_JAR="${ROOT}/local/target/sensor-runner.jar"
readonly PRODUCER_JAR="${ROOT}/producer/target/sensor-producer.jar"
readonly RECORDS_PER_BATCH=100

LATENCY_MS=5
BATCHES=5
ROUNDS=3
WARMUP=3
RECORDS=aggregated
WORK_DIR=""
KEEP_WORK_DIR=false

parse_arguments() {
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --latency-ms) cli_need_number "$@"; LATENCY_MS="$2"; shift ;;
            --batches) cli_need_positive "$@"; BATCHES="$2"; shift ;;
            --rounds) cli_need_positive "$@"; ROUNDS="$2"; shift ;;
            --warmup) cli_need_positive "$@"; WARMUP="$2"; shift ;;
            --records)
                cli_need_value "$@"
                [[ "$2" == aggregated || "$2" == plain ]] || cli_fail "--records is aggregated or plain, not '$2'"
                RECORDS="$2"
                shift
                ;;
            --work-dir) cli_need_value "$@"; WORK_DIR="$2"; KEEP_WORK_DIR=true; shift ;;
            -h | --help) cli_help ;;
            *) cli_unknown "$1" ;;
        esac
        shift
    done
}

# As cli_need_number, and at least 1.
cli_need_positive() {
    cli_need_number "$@"
    [[ "$2" -ge 1 ]] || cli_fail "$1 takes a whole number of at least 1, not '$2'"
}

check_tools() {
    if ! command -v taskset >/dev/null; then
        echo "$(cli_name): needs taskset (util-linux) to hold the function to one core" >&2
        exit 1
    fi
    if ! command -v java >/dev/null; then
        echo "$(cli_name): needs java 17 or later on the PATH" >&2
        exit 1
    fi
}

cleanup() {
    if [[ "${KEEP_WORK_DIR}" == false && -n "${WORK_DIR}" ]]; then
        rm -rf "${WORK_DIR}"
    fi
}

make_work_dir() {
    if [[ -z "${WORK_DIR}" ]]; then
        WORK_DIR="$(mktemp -d -t sensor-bench-function.XXXXXX)"
    else
        mkdir -p "${WORK_DIR}"
        WORK_DIR="$(cd "${WORK_DIR}" && pwd)"
    fi
}

# The batches, as the producer writes a --rate 0 run's records (--events-out): 13 sensors with humidity, the
# aggregated records of 25 KiB; enough readings for several distinct full batches of each kind.
make_events() {
    local batches_wanted=$((BATCHES * ROUNDS + WARMUP)) plain_readings aggregated_readings
    if [[ "${batches_wanted}" -gt 4 ]]; then
        batches_wanted=4
    fi
    plain_readings=$((batches_wanted * RECORDS_PER_BATCH))
    aggregated_readings=$((batches_wanted * RECORDS_PER_BATCH * 280))
    echo "== events: ${plain_readings} readings one per record; ${aggregated_readings} in KPL aggregates" >&2
    produce --count "${plain_readings}" --events-out "${WORK_DIR}/plain.json"
    if [[ "${RECORDS}" == aggregated ]]; then
        produce --count "${aggregated_readings}" --aggregate --events-out "${WORK_DIR}/aggregated.json"
    fi
}

produce() {
    java -jar "${PRODUCER_JAR}" --sensors 13 --humidity --seed 7 --start-time 1764374400 --rate 0 \
        --progress never "$@" >/dev/null 2>"${WORK_DIR}/producer.log" ||
        { cat "${WORK_DIR}/producer.log" >&2; exit 1; }
}

# Core 1 for the function and core 0 for the stub and the bench, when there are two.
cores_option() {
    if [[ "$(nproc)" -ge 2 ]]; then
        echo --function-core 1 --stub-cores 0
    else
        echo "$(cli_name): one core only: the function and the DynamoDB stub share it" >&2
    fi
}

run_bench() {
    local -a events=(--plain-events "${WORK_DIR}/plain.json")
    local -a cores
    if [[ "${RECORDS}" == aggregated ]]; then
        events+=(--aggregated-events "${WORK_DIR}/aggregated.json")
    fi
    read -r -a cores <<<"$(cores_option)"
    echo "== ${ROUNDS} rounds of ${BATCHES} batches a variant, ${WARMUP} to warm up; DynamoDB answers in" \
        "${LATENCY_MS} ms; ${RECORDS} records; logs in ${WORK_DIR}" >&2
    java -XX:+UseSerialGC -cp "${BENCH_JAR}:${RUNNER_JAR}" dev.sensorpipeline.benchmarks.function.FunctionBench \
        --work-dir "${WORK_DIR}" --runtime-dir "${ROOT}/local/target/runtime" \
        --function-spec "${ROOT}/infra/lambda-function.json" "${events[@]}" "${cores[@]}" \
        --latency-ms "${LATENCY_MS}" --batches "${BATCHES}" --rounds "${ROUNDS}" --warmup "${WARMUP}" \
        --records-per-batch "${RECORDS_PER_BATCH}" \
        --variant "ours=${ROOT}/lambda/target/sensor-ingest-lambda.jar=dev.sensorpipeline.ingest.IngestHandler::handleRequest" \
        --variant "common=${ROOT}/benchmarks/target/common-way-lambda.jar=dev.sensorpipeline.benchmarks.commonway.CommonWayHandler::handleRequest" \
        --variant "book=${ROOT}/benchmarks/target/book-way-lambda.jar=dev.sensorpipeline.benchmarks.bookway.BookWayHandler::handleRequest"
}

main() {
    parse_arguments "$@"
    check_tools
    ensure_built lambda local producer benchmarks
    make_work_dir
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    make_events
    run_bench
}

main "$@"

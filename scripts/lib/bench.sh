#!/usr/bin/env bash
# Steps the producer benchmarks share (bench-producer.sh, bench-aggregation.sh). Source it after local-endpoint.sh;
# it defines functions only. Reads PRODUCER_JAR.

# Makes a fresh stream, bench-LABEL-RUN, from infra/temperature-sensor-stream.json (2 shards); prints its name once
# it is active.
new_bench_stream() {
    local name="bench-$1-$2"
    (cd "${ROOT}" && aws kinesis create-stream --cli-input-json file://infra/temperature-sensor-stream.json \
        --stream-name "${name}") >&2
    aws kinesis wait stream-exists --stream-name "${name}" >&2
    echo "${name}"
}

# Runs the producer once, as fast as it can go, on the stream given; the producer's arguments follow. Prints its
# summary line (on stderr too, for the record of the run); fails when it fails. PRODUCER_COMMAND, when set (an
# array), runs another producer that takes the same options and prints the same summary, such as the book's way.
producer_run() {
    local stream="$1" summary
    shift
    local -a command=(java -jar "${PRODUCER_JAR}")
    if [[ -n "${PRODUCER_COMMAND+set}" ]]; then
        command=("${PRODUCER_COMMAND[@]}")
    fi
    if ! summary="$("${command[@]}" --stream "${stream}" --seed 7 --start-time 1764374400 --rate 0 \
        "$@" 2>&1 >/dev/null)"; then
        echo "$(cli_name): the run on ${stream} failed: ${summary}" >&2
        exit 1
    fi
    echo "  ${stream}: ${summary}" >&2
    echo "${summary}"
}

# The readings/s of a producer's summary line: its own figure, so JVM start-up and the stream check are left out.
rate_of() {
    local rate
    rate="$(sed -n 's/.*(\([0-9]*\) readings\/s).*/\1/p' <<<"$1")"
    if [[ -z "${rate}" ]]; then
        echo "$(cli_name): no readings/s in: $1" >&2
        exit 1
    fi
    echo "${rate}"
}

# The median of the numbers on stdin, one a line.
median() {
    sort -n | awk '{ v[NR] = $1 }
        END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

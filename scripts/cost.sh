#!/usr/bin/env bash
# What the pipeline costs a month at a reading rate, line by line, next to the book's design (one PutRecord and one
# PutItem per reading): Kinesis, Lambda, DynamoDB on-demand, CloudWatch. Prices: infra/prices-us-east-1.json (list
# prices with their date and source). The model and its assumptions: docs/COST.md.
#
#   scripts/cost.sh --readings-per-second 1000
#   scripts/cost.sh --readings-per-second 1000 --sensors 500 --aggregate --humidity --ttl-days 30
#   scripts/cost.sh --readings-per-second 1000 --region eu-west-1 --price-factor 1.1
#   scripts/cost.sh --help
#
# Builds cost/target/sensor-cost.jar first when it is missing or older than its sources. Exit codes: 0 estimated,
# 1 failure, 2 bad usage.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
readonly JAR="${ROOT}/cost/target/sensor-cost.jar"

jar_is_stale() {
    [[ ! -f "${JAR}" ]] && return 0
    [[ -n "$(find "${ROOT}/cost/src/main" "${ROOT}/cost/pom.xml" "${ROOT}/pom.xml" -newer "${JAR}" -print -quit)" ]]
}

build_if_needed() {
    if jar_is_stale; then
        echo "== building the cost model (mvn package, tests skipped)" >&2
        (cd "${ROOT}" && mvn -B -q package -DskipTests -pl cost -am) >&2
    fi
}

main() {
    build_if_needed
    SENSOR_COST_PRICES="${SENSOR_COST_PRICES:-${ROOT}/infra/prices-us-east-1.json}" exec java -jar "${JAR}" "$@"
}

main "$@"

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
# Options: --readings-per-second R (required), --sensors N, --aggregate, --humidity, --ttl-days D, --month M,
# --region REGION, --price-factor F, --prices FILE, --batch-duration-ms MS, --book-put-ms MS.
# Builds cost/target/sensor-cost.jar first when it is missing or older than its sources. Exit codes: 0 estimated,
# 1 failure, 2 bad usage.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

readonly JAR="${ROOT}/cost/target/sensor-cost.jar"

# CostCommand's options, checked here so that a bad one is answered before a build; ScriptsCliIT (local/src/test)
# fails when the command has one this list lacks.
CLI_VALUE_OPTIONS=(--readings-per-second --sensors --ttl-days --month --region --price-factor --prices
    --batch-duration-ms --book-put-ms)
CLI_SWITCH_OPTIONS=(--aggregate --humidity -V --version)

# The header, then the command's own help when its jar is up to date: help never starts a build.
print_help() {
    cli_usage
    if [[ -z "$(stale_reason cost)" ]] && command -v java >/dev/null 2>&1; then
        echo
        java -jar "${JAR}" --help
    fi
    exit 0
}

main() {
    if cli_wants_help "$@"; then
        print_help
    fi
    cli_check_options "$@"
    ensure_built cost
    SENSOR_COST_PRICES="${SENSOR_COST_PRICES:-${ROOT}/infra/prices-us-east-1.json}" exec java -jar "${JAR}" "$@"
}

main "$@"

#!/usr/bin/env bash
# The main job, locally, with no AWS account: builds if needed, starts moto_server on a free loopback port, makes
# the tables from infra/, runs the ingest function on every test payload the way Lambda's Java runtime does, and
# prints what landed where. Stops everything it started, also on Ctrl-C or failure.
#
#   scripts/demo.sh
set -euo pipefail

readonly ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/local-endpoint.sh
source "${ROOT}/scripts/lib/local-endpoint.sh"

readonly PAYLOADS=(book-single-record.json batch-100.json with-humidity.json mixed-bad-and-good.json aggregated.json)

build_if_needed() {
    if [[ ! -f "${ROOT}/lambda/target/sensor-ingest-lambda.jar" || ! -f "${ROOT}/local/target/sensor-local.jar" ]]; then
        echo "== building (mvn package, tests skipped)"
        (cd "${ROOT}" && mvn -B -q package -DskipTests)
    fi
}

create_tables() {
    echo "== creating SensorData and SensorDataRejects from infra/ at ${AWS_ENDPOINT_URL}"
    (cd "${ROOT}" &&
        aws dynamodb create-table --cli-input-json file://infra/sensor-data-table.json >/dev/null &&
        aws dynamodb create-table --cli-input-json file://infra/sensor-data-rejects-table.json >/dev/null &&
        aws dynamodb wait table-exists --table-name SensorData &&
        aws dynamodb wait table-exists --table-name SensorDataRejects)
}

invoke_each_payload() {
    local payload response logs
    logs="$(mktemp -t invoke-local.XXXXXX.log)"
    for payload in "${PAYLOADS[@]}"; do
        echo "== invoking the function on test-payloads/${payload}"
        response="$("${ROOT}/scripts/invoke-local.sh" "${ROOT}/test-payloads/${payload}" 2>"${logs}")"
        echo "   response: ${response}"
        grep '^REPORT' "${logs}" | sed 's/^/   /'
    done
    rm -f "${logs}"
}

count_items() {
    aws dynamodb scan --table-name "$1" --select COUNT --query Count --output text
}

print_summary() {
    echo "== summary"
    echo "   stored in SensorData:          $(count_items SensorData)"
    echo "   rejected to SensorDataRejects: $(count_items SensorDataRejects)"
    echo "   reasons:"
    aws dynamodb scan --table-name SensorDataRejects --query 'Items[].Reason.S' --output text | tr '\t' '\n' |
        sort | sed 's/^/     - /'
    echo "   the three hottest readings of sensor-1, through TemperatureIndex:"
    aws dynamodb query --table-name SensorData --index-name TemperatureIndex \
        --key-condition-expression 'SensorId = :sensor' \
        --expression-attribute-values '{":sensor": {"S": "sensor-1"}}' \
        --no-scan-index-forward --limit 3 --no-paginate \
        --query 'Items[:3].[CurrentTime.N, Temperature.N]' --output text | sed 's/^/     time, temperature: /'
}

main() {
    check_prerequisites
    build_if_needed
    trap stop_moto EXIT
    start_moto
    create_tables
    invoke_each_payload
    print_summary
}

main "$@"

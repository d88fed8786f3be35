#!/usr/bin/env bash
# Plays Lambda's event source mapping locally: reads every shard of the Kinesis stream of the function's event source
# mapping at AWS_ENDPOINT_URL (as scripts/deploy.sh made them), with the mapping's settings, and invokes the
# function's jar in a JVM of its own through the real Lambda runtime interface client, printing its logs and a
# Lambda-style REPORT line per invocation. Checkpoints go to .local-runner/: stopped in any way, it resumes where
# the last completed batch ended.
#
#   export AWS_ENDPOINT_URL=http://127.0.0.1:5000 AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
#   scripts/run-local.sh                    # until Ctrl-C
#   scripts/run-local.sh --until-idle 5     # until the stream has been idle for 5 s
#   scripts/run-local.sh --help             # every option, and the exit codes
#
# Options given here win over the defaults below. Exit: 0 stopped, nothing discarded; 1 stopped, records were
# discarded (listed on stderr and in .local-runner/mappings/UUID/discarded.jsonl); 2 bad usage; 3 something is
# missing (endpoint, function, mapping, stream, jars); 4 failed while running.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
readonly FUNCTION_JAR="${ROOT}/lambda/target/sensor-ingest-lambda.jar"
readonly RUNNER_JAR="${ROOT}/local/target/sensor-runner.jar"
readonly RUNTIME_DIR="${ROOT}/local/target/runtime"
readonly STATE_DIR="${ROOT}/.local-runner"

check_java() {
    if ! command -v java >/dev/null 2>&1; then
        echo "run-local: java (17 or later) is not on PATH. Install: apt-get install -y openjdk-17-jdk-headless" >&2
        exit 3
    fi
}

build_if_needed() {
    if [[ ! -f "${FUNCTION_JAR}" || ! -f "${RUNNER_JAR}" || ! -d "${RUNTIME_DIR}" ]]; then
        echo "run-local: building the function and the runner (mvn package, tests skipped)..." >&2
        if ! (cd "${ROOT}" && mvn -B -q package -DskipTests -pl lambda,local -am) >&2; then
            echo "run-local: the build failed; see above" >&2
            exit 3
        fi
    fi
}

# exec: the runner takes this process's place, so Ctrl-C, SIGTERM (a clean stop, checkpoints kept) and even SIGKILL
# reach it directly, and nothing is left behind here to clean up.
run_runner() {
    exec java -jar "${RUNNER_JAR}" \
        --function-jar "${FUNCTION_JAR}" \
        --runtime-dir "${RUNTIME_DIR}" \
        --state-dir "${STATE_DIR}" \
        "$@"
}

main() {
    check_java
    build_if_needed
    run_runner "$@"
}

main "$@"

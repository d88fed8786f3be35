#!/usr/bin/env bash
# The jars the scripts run, built when they are missing or older than their sources. Source it after setting ROOT;
# it defines functions only.
#
#   ensure_built lambda local producer     # before running those jars
#
# A jar is stale when any file under src/main or a pom.xml of its module, of a module its code depends on, or the
# root pom.xml is newer than it: an edit followed by scripts/demo.sh runs the edited code. Test sources are left out,
# as a build with -DskipTests leaves the jar as it was for them.

# The files a module's build makes that the scripts run (paths under ROOT).
module_outputs() {
    case "$1" in
        lambda) echo lambda/target/sensor-ingest-lambda.jar ;;
        alerts) echo alerts/target/sensor-alerts-lambda.jar ;;
        local) echo local/target/sensor-runner.jar local/target/sensor-local.jar local/target/runtime ;;
        producer) echo producer/target/sensor-producer.jar ;;
        readings) echo readings/target/sensor-readings.jar ;;
        testkit) echo testkit/target/sensor-faults.jar ;;
        benchmarks) echo benchmarks/target/book-way-lambda.jar ;;
        cost) echo cost/target/sensor-cost.jar ;;
        *)
            echo "build: no module '$1'" >&2
            return 1
            ;;
    esac
}

# The module and the modules its main code is compiled against (compile scope in its pom.xml), whose sources
# therefore end up in, or shape, its jar.
module_sources() {
    case "$1" in
        lambda | alerts | producer | readings | local | testkit) echo "$1" model ;;
        benchmarks) echo benchmarks lambda model ;;
        *) echo "$1" ;;
    esac
}

# Prints the first source newer than the module's outputs, or "OUTPUT missing"; prints nothing when the module is
# up to date. The decision alone, so that it can be tested without a build.
stale_reason() {
    local module="$1" output oldest="" source_module newer
    local -a sources=("${ROOT}/pom.xml")
    for output in $(module_outputs "${module}"); do
        if [[ ! -e "${ROOT}/${output}" ]]; then
            echo "${output} missing"
            return 0
        fi
        # A folder (the runtime's jars) counts by being there: copying unchanged files leaves its time as it was.
        if [[ -f "${ROOT}/${output}" ]] && [[ -z "${oldest}" || "${ROOT}/${output}" -ot "${oldest}" ]]; then
            oldest="${ROOT}/${output}"
        fi
    done
    for source_module in $(module_sources "${module}"); do
        sources+=("${ROOT}/${source_module}/pom.xml")
        if [[ -d "${ROOT}/${source_module}/src/main" ]]; then
            sources+=("${ROOT}/${source_module}/src/main")
        fi
    done
    newer="$(find "${sources[@]}" -newer "${oldest}" -type f -print -quit 2>/dev/null || true)"
    if [[ -n "${newer}" ]]; then
        echo "${newer#"${ROOT}/"} is newer than ${oldest#"${ROOT}/"}"
    fi
}

# Builds, in one Maven run, the modules given whose outputs are missing or stale. Exits 3 when the build fails:
# the scripts cannot go on without their jars.
ensure_built() {
    local module reason
    local -a stale=()
    for module in "$@"; do
        reason="$(stale_reason "${module}")"
        if [[ -n "${reason}" ]]; then
            echo "== building ${module} (${reason})" >&2
            stale+=("${module}")
        fi
    done
    if [[ ${#stale[@]} -eq 0 ]]; then
        return 0
    fi
    local modules
    modules="$(
        IFS=,
        echo "${stale[*]}"
    )"
    if ! (cd "${ROOT}" && mvn -B -q package -DskipTests -pl "${modules}" -am) >&2; then
        echo "build: mvn package -pl ${modules} -am failed; see above" >&2
        exit 3
    fi
    # Maven leaves a jar it finds up to date as it was (after an edit to a pom that changes nothing in it, say):
    # the build succeeded, so mark the outputs as current, or every later run would build again.
    local output
    for module in "${stale[@]}"; do
        for output in $(module_outputs "${module}"); do
            touch -c -- "${ROOT}/${output}"
        done
    done
}

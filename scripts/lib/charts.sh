#!/usr/bin/env bash
# The demo's last step: the chart of its sensors. Source it after setting ROOT; it defines functions only.
#
#   write_charts 5      # sensor-1..5 and gateway-1..5, to DEMO_OUT_DIR (default target/demo)

# Writes sensors.html and sensors.png of the demo's sensors (the plain fleet sensor-1..N and the aggregated one,
# gateway-1..N) with the read side's jar, and says where they are. Reads TABLE_NAME and the endpoint's environment.
write_charts() {
    local count="$1" out_dir="${DEMO_OUT_DIR:-${ROOT}/target/demo}" i
    local -a sensors=()
    for ((i = 1; i <= count; i++)); do
        sensors+=("sensor-${i}" "gateway-${i}")
    done
    echo "== writing the chart of the demo's ${#sensors[@]} sensors"
    ensure_built readings
    mkdir -p "${out_dir}"
    java -jar "${ROOT}/readings/target/sensor-readings.jar" plot "${sensors[@]}" --out "${out_dir}/sensors.html"
    java -jar "${ROOT}/readings/target/sensor-readings.jar" plot "${sensors[@]}" --out "${out_dir}/sensors.png"
    echo "   the chart of the ${#sensors[@]} sensors: ${out_dir}/sensors.html (open it in a browser) and" \
        "${out_dir}/sensors.png"
}

#!/usr/bin/env bash
# Where a cold `plan` spends its time (BENCHMARKS.md, "Where the cold second goes"): RUNS flight
# recordings (Java samples every 1 ms), pooled and summed up by bench/profile.py, for the JVM options
# given (default: bin/cqc's), and the classes loaded by origin (-Xlog:class+load).
#   bench/profile.sh [RUNS] [-- JVM options...]      e.g. bench/profile.sh 3 -- -Xshare:auto
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
cd "$root"
# shellcheck source=bin/lib/jar.sh
source bin/lib/jar.sh
# shellcheck source=bin/lib/cds.sh
source bin/lib/cds.sh
ensure_jar "$root"
cds_ensure_archive "$root"
read -r -a options <<< "$(cds_options "$root")"
if [ "${2:-}" = "--" ]; then options=("${@:3}"); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# JFR's profile settings with the Java sampling period at 1 ms.
sed -E '/<event name="jdk.ExecutionSample">/,/<\/event>/ s|(<setting name="period"[^>]*>)[^<]*|\11 ms|' \
  "$(dirname "$(readlink -f "$(command -v java)")")/../lib/jfr/profile.jfc" > "$work/profile.jfc"
unset JDK_JAVA_OPTIONS
for i in $(seq "$runs"); do
  java "${options[@]}" -XX:StartFlightRecording=filename="$work/$i.jfr",settings="$work/profile.jfc" -Xlog:jfr+startup=off \
    -jar target/cqc-scheduler.jar plan --stack dev >/dev/null
  jfr print --json --stack-depth 200 --events jdk.ExecutionSample "$work/$i.jfr" > "$work/$i.json"
done
echo "JVM options: ${options[*]}"
python3 bench/profile.py "$work"/*.json
java "${options[@]}" -Xlog:class+load:file="$work/classes.txt" -jar target/cqc-scheduler.jar plan --stack dev >/dev/null
echo
echo "classes loaded: $(grep -c 'source:' "$work/classes.txt"), from the archive: $(grep -c 'source: shared objects file' "$work/classes.txt")"

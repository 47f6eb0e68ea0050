#!/usr/bin/env bash
# The plan of a large synthetic catalog (BENCHMARKS.md): SyntheticCatalog's N pipelines (default 5000)
# written to a temporary project, then `plan --stack bench --format json` from a cold JVM, once with
# the JVM options of bin/cqc (bin/lib/cds.sh) and once with the JVM's defaults. Prints wall time,
# CPU time and peak resident set of each (GNU time), and the plan's resource count.
#   bench/big-plan.sh [N]       JFR=1 also records a flight recording of the first run (target/big-plan.jfr)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
size=${1:-5000}
cd "$root"
# shellcheck source=bin/lib/jar.sh
source bin/lib/jar.sh
# shellcheck source=bin/lib/cds.sh
source bin/lib/cds.sh
ensure_jar "$root"
cds_ensure_archive "$root"
mvn -q -B -ntp test-compile >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -cp target/test-classes com.cqc.scheduler.bench.WriteCatalog "$work" "$size"
cp Pulumi.yaml "$work/"
unset JDK_JAVA_OPTIONS
jfr=()
[ -n "${JFR:-}" ] && jfr=(-XX:StartFlightRecording=filename="$root/target/big-plan.jfr")
run() {  # label, JVM options...
  local label=$1; shift
  /usr/bin/time -v -o "$work/time" java "$@" -jar target/cqc-scheduler.jar plan --stack bench --project-dir "$work" --format json \
    > "$work/plan.json" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  awk -v label="$label" -v n="$(grep -c '"urn" :' "$work/plan.json")" '
    /Elapsed \(wall clock\)/ {split($NF, t, ":"); wall = (length(t) == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2]}
    /User time/ {user = $NF} /System time/ {sys = $NF} /Maximum resident set size/ {rss = $NF / 1024}
    END {printf "| %s | %d | %.1f | %.1f | %.0f |\n", label, n, wall, user + sys, rss}' "$work/time"
}
echo "Plan of a $size-pipeline catalog, cold, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| JVM options | resources | wall s | CPU s | peak RSS MB |"
echo "|---|---|---|---|---|"
# shellcheck disable=SC2046 # the options are words without spaces
run "bin/cqc's (C1 only, serial GC, archive)" "${jfr[@]}" $(cds_options "$root")
run "the JVM's defaults (C2, G1)"

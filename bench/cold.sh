#!/usr/bin/env bash
# Cold whole-process start, side by side (BENCHMARKS.md): the dev stack's plan by bin/cqc and by
# `java -jar` (what Pulumi's java host runs) with and without the JVM options of bin/lib/cds.sh,
# against the TypeScript peer (bench/node-peer: the same resources on the Node SDK's mock engine)
# and Pulumi's Maven path. Every round runs each way once, in turn, so load on the machine falls on
# all of them alike; the table gives medians of wall and CPU (user + system) seconds, and medians
# over rounds of each way's wall and CPU time over the Node peer's, and of the Maven path's over it.
# On a loaded machine trust the CPU ratio more: a single-threaded process (Node) loses more wall
# time to other processes' threads than a multi-threaded one (the JVM).
#   bench/cold.sh [RUNS]      (default 7 rounds); JDK25=/path/to/jdk25 adds its rows (ahead-of-time cache)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-7}
cd "$root"
# shellcheck source=bin/lib/jar.sh
source bin/lib/jar.sh
# shellcheck source=bin/lib/cds.sh
source bin/lib/cds.sh
ensure_jar "$root"
cds_ensure_archive "$root"
[ -f bench/node-peer/node_modules/.package-lock.json ] && [ ! bench/node-peer/package-lock.json -nt bench/node-peer/node_modules/.package-lock.json ] \
  || npm ci --prefix bench/node-peer --no-audit --no-fund --loglevel=error >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jar=target/cqc-scheduler.jar
java -jar "$jar" plan --stack dev --format json > "$work/plan.json"
unset JDK_JAVA_OPTIONS

# Each way is a function run_NAME, timed as `bash -c run_NAME` (the same small cost for every way).
export jar work JDK25
names=(node cqc jar-plain jar-options maven)
declare -A label
label[node]="Node peer: @pulumi/pulumi 3.248 + @pulumi/gcp 9.37 on the mock engine (Node $(node --version))"
run_node() { node bench/node-peer/peer.js "$work/plan.json"; }
label[cqc]="\`bin/cqc plan --stack dev\`, JDK $(cds_java_major) on PATH"
run_cqc() { bin/cqc plan --stack dev; }
label[jar-plain]="\`java -jar\`, JDK $(cds_java_major), default JVM options (Pulumi's java host before)"
run_jar-plain() { java -jar "$jar" plan --stack dev; }
label[jar-options]="\`java -jar\`, JDK $(cds_java_major), with the JDK_JAVA_OPTIONS of bin/lib/cds.sh (Pulumi's java host after)"
run_jar-options() { JDK_JAVA_OPTIONS=$(cds_options "$PWD") java -jar "$jar" plan --stack dev; }
label[maven]="\`mvn compile exec:java\` as Pulumi's java host runs it without \`binary\`"
run_maven() {
  mvn -Dorg.slf4j.simpleLogger.defaultLogLevel=warn --no-transfer-progress -q compile exec:java -Dexec.args="plan --stack dev"
}
# The same three ways with JDK 25 on PATH: bin/lib/cds.sh then makes and uses the ahead-of-time cache.
on25() { PATH="$JDK25/bin:$PATH" "$@"; }
label[cqc-25]="\`bin/cqc plan --stack dev\`, JDK 25 on PATH (ahead-of-time cache)"
run_cqc-25() { on25 bin/cqc plan --stack dev; }
label[jar25-plain]="\`java -jar\`, JDK 25, default JVM options"
run_jar25-plain() { on25 java --sun-misc-unsafe-memory-access=allow -jar "$jar" plan --stack dev; }
label[jar25-options]="\`java -jar\`, JDK 25, with the JDK_JAVA_OPTIONS of bin/lib/cds.sh"
run_jar25-options() { JDK_JAVA_OPTIONS=$(on25 cds_options "$PWD") on25 java -jar "$jar" plan --stack dev; }
if [ -n "${JDK25:-}" ]; then
  (on25 cds_ensure_archive "$root")
  names+=(cqc-25 jar25-plain jar25-options)
fi
export -f cds_options cds_java_init cds_java_major cds_archive on25 "${names[@]/#/run_}"

# One untimed run each (disk cache, Maven's first compile), then the rounds.
for name in "${names[@]}"; do
  "run_$name" >/dev/null 2>"$work/err" || { echo "$name failed:" >&2; cat "$work/err" >&2; exit 1; }
done
for round in $(seq "$runs"); do
  for name in "${names[@]}"; do
    /usr/bin/time -f "%e %U %S" -o "$work/time" bash -c "run_$name" >/dev/null 2>&1
    read -r wall user sys < "$work/time"
    echo "$round $name $wall $(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')" >> "$work/times"
  done
done

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
of() { awk -v n="$1" -v f="$2" '$2 == n {print $f}' "$work/times" | median; }
# Per round: this way's wall over the Node peer's / the Maven path's over this way's; then the median.
ratio() {  # way, way over which, field (3 wall, 4 CPU)
  awk -v a="$1" -v b="$2" -v f="$3" '$2 == a {x[$1]=$f} $2 == b {y[$1]=$f} END {for (r in x) print x[r] / y[r]}' "$work/times" | median
}
echo "Cold \`plan --stack dev\` (43 resources), $runs rounds, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
echo
echo "| how | wall s | CPU s | wall / Node peer | CPU / Node peer | Maven path / this, wall |"
echo "|---|---|---|---|---|---|"
for name in "${names[@]}"; do
  printf '| %s | %.2f | %.2f | %.2fx | %.2fx | %.1fx |\n' "${label[$name]}" "$(of "$name" 3)" "$(of "$name" 4)" \
    "$(ratio "$name" node 3)" "$(ratio "$name" node 4)" "$(ratio maven "$name" 3)"
done

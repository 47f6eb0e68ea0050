#!/usr/bin/env bash
# `pulumi preview --stack dev` under the real engine (bin/sandbox), three ways, side by side in one run:
#   jar    Pulumi.yaml as committed: runtime.options.binary runs the prebuilt jar (java -jar), with the
#          JVM options bin/sandbox passes through JDK_JAVA_OPTIONS (bin/lib/cds.sh: class cache, C1, serial GC)
#   plain  the same jar with JDK_JAVA_OPTIONS empty: the JVM's defaults (before bin/lib/cds.sh)
#   maven  runtime.options.binary removed: Pulumi's java host runs `mvn compile exec:java` (JVM defaults)
#   jar25  with JDK25=/path/to/jdk25: the jar with JDK 25 on PATH and bin/sandbox's options for it
#          (its ahead-of-time cache)
# Each way runs in its own copy of the repository with its own sandbox; one untimed preview first
# (stack creation, Maven's first compile), then RUNS rounds of one timed preview per way, in turn.
# Prints wall times, medians of wall and CPU time (the whole preview) and their ratios. Usage: bench/preview.sh [RUNS] (default 5).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
# shellcheck source=bin/lib/jar.sh
source "$root/bin/lib/jar.sh"
# shellcheck source=bin/lib/cds.sh
source "$root/bin/lib/cds.sh"
ensure_jar "$root"
cds_ensure_archive "$root"
"$root/bin/sandbox" version >/dev/null
work=$(mktemp -d)
# What JDK_JAVA_OPTIONS each way runs with: unset (bin/sandbox's default) for jar and jar25, empty
# otherwise; jar25 runs with JDK 25 first on PATH.
options() {
  case "$1" in jar|jar25) unset JDK_JAVA_OPTIONS ;; *) export JDK_JAVA_OPTIONS="" ;; esac
  PATH=$base_path
  if [ "$1" = jar25 ]; then PATH="$JDK25/bin:$PATH"; fi
}
base_path=$PATH
trap 'rm -rf "$work"' EXIT

ways=(jar plain maven)
if [ -n "${JDK25:-}" ]; then
  ways+=(jar25)
  (PATH="$JDK25/bin:$PATH" cds_ensure_archive "$root")
fi
for way in "${ways[@]}"; do
  copy="$work/$way"
  mkdir -p "$copy/tools/sandbox" "$copy/target"
  (cd "$root" && git ls-files -z | xargs -0 cp --parents -p -t "$copy")
  ln -s "$root/tools/sandbox/bin" "$copy/tools/sandbox/bin"
  if [ "$way" != maven ]; then
    options "$way"
    cp -p "$root/target/cqc-scheduler.jar" "$(cds_archive "$root")" "$(cds_archive "$root").jdk" "$copy/target/"
  else
    # The project without the binary option: what a Pulumi Java user gets by default.
    sed -i '/^  options:/,/binary:/d' "$copy/Pulumi.yaml"
    cp -p "$root/target/cqc-scheduler.jar" "$copy/target/" # bin/sandbox wants a jar; Pulumi ignores it here
  fi
  options $way
  CQC_SANDBOX="$work/sandbox-$way" "$copy/bin/sandbox" preview --stack dev >"$work/$way.warmup" 2>&1 \
    || { cat "$work/$way.warmup" >&2; exit 1; }
done

declare -A times cpu wall_median cpu_median
for i in $(seq 1 "$runs"); do
  for way in "${ways[@]}"; do
    options $way
    CQC_SANDBOX="$work/sandbox-$way" /usr/bin/time -f "%e %U %S" -o "$work/time" \
      "$work/$way/bin/sandbox" preview --stack dev >"$work/$way.out" 2>&1 || { cat "$work/$way.out" >&2; exit 1; }
    read -r wall user sys < "$work/time"
    times[$way]+="$wall "
    cpu[$way]+="$(echo "$user + $sys" | bc) "
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
for way in "${ways[@]}"; do
  wall_median[$way]=$(median <<< "${times[$way]}")
  cpu_median[$way]=$(median <<< "${cpu[$way]}")
done
ratio() { echo "scale=2; $1 / $2" | bc; }
echo "pulumi preview --stack dev through bin/sandbox, $runs runs each, in turn; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wall and CPU seconds (CPU: user + system of every process of the preview: CLI, plugins, JVM)"
echo "jar, JVM options of bin/lib/cds.sh (after): wall ${times[jar]}-> median ${wall_median[jar]}; CPU median ${cpu_median[jar]}"
echo "jar, JVM defaults (before):                 wall ${times[plain]}-> median ${wall_median[plain]}; CPU median ${cpu_median[plain]}"
echo "maven (mvn compile exec:java):              wall ${times[maven]}-> median ${wall_median[maven]}; CPU median ${cpu_median[maven]}"
echo "before / after: wall $(ratio "${wall_median[plain]}" "${wall_median[jar]}")x, CPU $(ratio "${cpu_median[plain]}" "${cpu_median[jar]}")x"
echo "maven / after:  wall $(ratio "${wall_median[maven]}" "${wall_median[jar]}")x, CPU $(ratio "${cpu_median[maven]}" "${cpu_median[jar]}")x"
if [ -n "${JDK25:-}" ]; then
  echo "jar on JDK 25, its options (cache):        wall ${times[jar25]}-> median ${wall_median[jar25]}; CPU median ${cpu_median[jar25]}"
  echo "maven / jar25: wall $(ratio "${wall_median[maven]}" "${wall_median[jar25]}")x, CPU $(ratio "${cpu_median[maven]}" "${cpu_median[jar25]}")x"
fi
echo "maven / before: wall $(ratio "${wall_median[maven]}" "${wall_median[plain]}")x, CPU $(ratio "${cpu_median[maven]}" "${cpu_median[plain]}")x"

#!/usr/bin/env bash
# `pulumi preview --stack dev` under the real engine (bin/sandbox), two ways, side by side in one run:
#   jar    Pulumi.yaml as committed: runtime.options.binary runs the prebuilt jar (java -jar)
#   maven  runtime.options.binary removed: Pulumi's java host runs `mvn compile exec:java`
# Each way runs in its own copy of the repository with its own sandbox; one untimed preview first
# (stack creation, Maven's first compile), then RUNS timed previews alternating between the two.
# Prints the wall times, the medians and their ratio. Usage: bench/preview.sh [RUNS] (default 5).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
# shellcheck source=bin/lib/jar.sh
source "$root/bin/lib/jar.sh"
ensure_jar "$root"
"$root/bin/sandbox" version >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for way in jar maven; do
  copy="$work/$way"
  mkdir -p "$copy/tools/sandbox" "$copy/target"
  (cd "$root" && git ls-files -z | xargs -0 cp --parents -p -t "$copy")
  ln -s "$root/tools/sandbox/bin" "$copy/tools/sandbox/bin"
  if [ "$way" = jar ]; then
    cp -p "$root/target/cqc-scheduler.jar" "$copy/target/"
  else
    # The project without the binary option: what a Pulumi Java user gets by default.
    sed -i '/^  options:/,/binary:/d' "$copy/Pulumi.yaml"
    cp -p "$root/target/cqc-scheduler.jar" "$copy/target/" # bin/sandbox wants a jar; Pulumi ignores it here
  fi
  CQC_SANDBOX="$work/sandbox-$way" "$copy/bin/sandbox" preview --stack dev >"$work/$way.warmup" 2>&1 \
    || { cat "$work/$way.warmup" >&2; exit 1; }
done

declare -A times
for i in $(seq 1 "$runs"); do
  for way in jar maven; do
    start=$(date +%s.%N)
    CQC_SANDBOX="$work/sandbox-$way" "$work/$way/bin/sandbox" preview --stack dev >"$work/$way.out" 2>&1 \
      || { cat "$work/$way.out" >&2; exit 1; }
    end=$(date +%s.%N)
    times[$way]+="$(echo "$end - $start" | bc) "
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
jar=$(median <<< "${times[jar]}")
maven=$(median <<< "${times[maven]}")
echo "pulumi preview --stack dev through bin/sandbox, $runs runs each, alternating (seconds)"
echo "jar   (runtime.options.binary): ${times[jar]}-> median $jar"
echo "maven (mvn compile exec:java):  ${times[maven]}-> median $maven"
echo "maven / jar: $(echo "scale=2; $maven / $jar" | bc)x"

#!/usr/bin/env bash
# Reruns the benchmarks of BENCHMARKS.md and prints their tables (Markdown). Takes about 10 minutes.
#   RUNS=5 bench/run.sh          measured runs per case (median reported); SIZES="10 100 1000"
# In-process cases run in a fresh JVM each (src/test/java/.../bench/Benchmark.java); the whole-process
# table is bench/cold.sh's (the jar's `plan --stack dev` cold, the Node peer, Pulumi's Maven path).
# Also: bench/preview.sh (under the real engine), bench/big-plan.sh (5000 pipelines).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
sizes=${SIZES:-10 100 1000}
mvn -q -B -ntp -DskipTests package >/dev/null
mvn -q -B -ntp test-compile >/dev/null
cp="target/test-classes:target/cqc-scheduler.jar"
bench() { java -cp "$cp" com.cqc.scheduler.bench.Benchmark "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "## Program evaluation on the mock engine (median of $runs warm runs; peak RSS of one cold run)"
echo
echo "| pipelines | resources floor / program | floor ms | program ms | program / floor | load+validate ms | floor peak RSS MB | program peak RSS MB |"
echo "|---|---|---|---|---|---|---|---|"
for size in $sizes; do
  warm=2; [ "$size" -ge 1000 ] && warm=1
  read -r _ _ floor_ms _ floor_n _ _ < <(bench floor "$size" "$warm" "$runs")
  read -r _ _ prog_ms _ prog_n _ _ < <(bench program "$size" "$warm" "$runs")
  read -r _ _ load_ms _ _ _ _ < <(bench load "$size" "$warm" "$runs")
  read -r _ _ _ _ _ _ floor_rss < <(bench floor "$size" 0 1)
  read -r _ _ _ _ _ _ prog_rss < <(bench program "$size" 0 1)
  ratio=$(awk -v a="$prog_ms" -v b="$floor_ms" 'BEGIN {printf "%.2f", a / b}')
  echo "| $size | $floor_n / $prog_n | $floor_ms | $prog_ms | ${ratio}x | $load_ms | $floor_rss | $prog_rss |"
done

echo
echo "## Whole process: \`plan --stack dev\` from a cold JVM, beside the TypeScript peer (bench/cold.sh)"
echo
bench/cold.sh "$runs"

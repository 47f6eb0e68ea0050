#!/usr/bin/env bash
# The jar's class cache may cost speed, never correctness: with the JVM options bin/cqc and
# bin/sandbox use (bin/lib/cds.sh), the dev plan must come out byte for byte the same, with nothing
# on stderr but the launcher's note, whatever the cache is: the build's, missing, random bytes,
# one made for another jar (stale), one made by another JDK (when a second JDK is given). The cache
# is the kind the `java` on PATH makes (a static archive, or JDK 25's ahead-of-time cache).
#   bench/cds-fallback.sh [OTHER_JAVA_HOME]     exit 0 all the same, 1 otherwise
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bin/lib/jar.sh
source "$root/bin/lib/jar.sh"
# shellcheck source=bin/lib/cds.sh
source "$root/bin/lib/cds.sh"
ensure_jar "$root"
cds_ensure_archive "$root"
other_jdk=${1:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
jar=target/cqc-scheduler.jar
name=$(basename "$(cds_archive "$root")")
plan=(plan --stack dev --format json --from 2026-03-29T00:00:00Z)
java -Xshare:off -jar "$jar" "${plan[@]}" > "$work/expected.json" 2> "$work/expected.err"

# The archive cases, each as a copy of the project's target/ with that archive in place.
mkdir -p "$work/build/target" "$work/missing/target" "$work/random/target" "$work/stale/target"
cp -p "$jar" "target/$name" "$work/build/target/"
cp -p "$jar" "$work/missing/target/"
cp -p "$jar" "$work/random/target/"
head -c 4000000 /dev/urandom > "$work/random/target/$name"
cp -p "$jar" "target/$name" "$work/stale/target/"
touch "$work/stale/target/cqc-scheduler.jar"   # a rebuilt jar: same path, new time
cases=(build missing random stale)
if [ -n "$other_jdk" ]; then
  mkdir -p "$work/foreign/target"
  cp -p "$jar" "$work/foreign/target/"
  "$other_jdk/bin/java" -Xshare:dump -Xlog:cds=off -XX:SharedArchiveFile="$work/foreign/target/$name" \
    -cp "$work/foreign/target/cqc-scheduler.jar" >/dev/null 2>&1
  cases+=(foreign)
fi

failed=0
for case in "${cases[@]}"; do
  dir="$work/$case"
  options=$(cds_options "$dir")
  status=0
  (cd "$root" && JDK_JAVA_OPTIONS="$options" java -jar "$dir/target/cqc-scheduler.jar" "${plan[@]}") \
    > "$work/$case.json" 2> "$work/$case.err" || status=$?
  grep -v '^NOTE: Picked up JDK_JAVA_OPTIONS' "$work/$case.err" > "$work/$case.other-err" || true
  if [ "$status" -ne 0 ] || ! cmp -s "$work/expected.json" "$work/$case.json" || [ -s "$work/$case.other-err" ]; then
    echo "FAIL $case cache: exit $status, plan $(cmp -s "$work/expected.json" "$work/$case.json" && echo same || echo different)" >&2
    head -5 "$work/$case.other-err" >&2
    failed=1
  else
    echo "ok   $case cache: the same plan"
  fi
done
exit "$failed"

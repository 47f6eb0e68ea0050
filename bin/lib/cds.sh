# Sourced by bin/cqc, bin/sandbox and the benchmarks, run by the build (pom.xml, `mvn package`): the
# class cache of the jar and the JVM options that use it (BENCHMARKS.md, README "Start-up speed").
#
# The cache holds the classes of one training run (com.cqc.scheduler.CacheTraining): the offline plan
# of the dev stack, then the Pulumi program against an engine address where nothing listens, which
# loads the gRPC and Netty classes a real `pulumi preview` needs and then fails. Its kind follows the
# `java` on PATH, the one Pulumi's java host and bin/cqc run, which also makes it:
#   - JDK 25 and newer: an ahead-of-time cache (JEP 483/514/515: classes loaded and linked, method
#     profiles), target/cqc-scheduler.aot, written by -XX:AOTCacheOutput;
#   - older JDKs: a static class-data sharing archive, target/cqc-scheduler.jsa, from the run's class
#     list and -Xshare:dump.
# It is written to a temporary file first: a half-written archive can crash the JVM, while a complete
# but stale or foreign one (another jar, another JDK) is refused by the JVM, which then runs without
# it. A cache costs speed when it is wrong, never correctness (bench/cds-fallback.sh, run by bin/test).
#   bash bin/lib/cds.sh ROOT     (re)make the cache of ROOT/target/cqc-scheduler.jar; never fails the caller

# The resolved `java` on PATH (cds_java) and its feature release (cds_major), found once per PATH and
# with shell builtins where they serve: bin/cqc runs this on every start.
cds_java_init() {
  [ "${cds_java_path_seen:-}" = "$PATH" ] && return 0
  cds_java=$(readlink -f "$(command -v java)")
  cds_java_path_seen=$PATH
  cds_major=0
  local line
  # The release file beside bin/: JAVA_VERSION="17.0.15" (no JVM start).
  while IFS= read -r line; do
    case "$line" in JAVA_VERSION=\"*) line=${line#JAVA_VERSION=\"}; cds_major=${line%%[!0-9]*} ;; esac
  done 2>/dev/null < "${cds_java%/bin/java}/release" || true
}

# The feature release of the `java` on PATH.
cds_java_major() {
  cds_java_init
  echo "$cds_major"
}

# Where the cache of ROOT's jar is, for the `java` on PATH.
cds_archive() {
  cds_java_init
  if [ "$cds_major" -ge 25 ]; then echo "$1/target/cqc-scheduler.aot"; else echo "$1/target/cqc-scheduler.jsa"; fi
}

# The options for `java -jar` (bin/cqc, and JDK_JAVA_OPTIONS for Pulumi's java host): the cache, the
# C1 compiler only and the serial collector (a short run on a small machine), the JVM's logging of a
# refused cache off; on JDK 23 and newer, protobuf's (inside the Pulumi SDK) use of sun.misc.Unsafe
# allowed quietly instead of a warning on every run.
cds_options() {
  cds_java_init
  if [ "$cds_major" -ge 25 ]; then
    echo "-XX:AOTCache=$1/target/cqc-scheduler.aot -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:aot=off -Xlog:cds=off --sun-misc-unsafe-memory-access=allow"
  else
    echo "-XX:SharedArchiveFile=$1/target/cqc-scheduler.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off$([ "$cds_major" -ge 23 ] && echo " --sun-misc-unsafe-memory-access=allow")"
  fi
}

# Which JDK made the cache: the resolved `java` and its libjvm's size and time (no JVM start).
cds_jdk_stamp() {
  cds_java_init
  echo "$cds_java $(stat -c '%s %Y' "${cds_java%/bin/java}/lib/server/libjvm.so" 2>/dev/null)"
}

cds_make_archive() {
  local root=$1 jar="$1/target/cqc-scheduler.jar" archive work
  archive=$(cds_archive "$root")
  # The training run and the dump take no options from the environment (JDK_JAVA_OPTIONS may name
  # the very cache being remade); the JVM options that shape a cache are the ones it is used with.
  local options java=(env -u JDK_JAVA_OPTIONS -u JAVA_TOOL_OPTIONS java)
  read -r -a options <<< "$(cds_options "$root")"
  options=("${options[@]:1}")
  # The program's engine address: nothing listens there, so the program stops at its first call.
  local engine=(env PULUMI_MONITOR=127.0.0.1:1 PULUMI_ENGINE=127.0.0.1:1 PULUMI_PROJECT=cqc-scheduler
    PULUMI_STACK=dev PULUMI_DRY_RUN=true)
  work=$(mktemp -d "$root/target/cds.XXXXXX") || return 0
  rm -f "$archive" "$archive.jdk"
  cds_java_init
  if [ "$cds_major" -ge 25 ]; then
    (cd "$root" && "${engine[@]}" timeout 300 "${java[@]}" "${options[@]}" -XX:AOTCacheOutput="$work/cache.aot" \
      -cp "$jar" com.cqc.scheduler.CacheTraining >"$work/training.log" 2>&1) || true
    [ -s "$work/cache.aot" ] && mv -f "$work/cache.aot" "$archive"
  else
    (cd "$root" && "${engine[@]}" timeout 300 "${java[@]}" "${options[@]}" -XX:DumpLoadedClassList="$work/classes" \
      -cp "$jar" com.cqc.scheduler.CacheTraining >"$work/training.log" 2>&1) || true
    if [ -s "$work/classes" ] && "${java[@]}" "${options[@]}" -Xshare:dump -XX:SharedClassListFile="$work/classes" \
        -XX:SharedArchiveFile="$work/archive.jsa" -cp "$jar" >"$work/dump.log" 2>&1; then
      mv -f "$work/archive.jsa" "$archive"
    fi
  fi
  if [ -f "$archive" ]; then
    cds_jdk_stamp > "$archive.jdk"
    rm -f "$archive.failed"
  else
    echo "cds: no class cache for $jar (the JVM starts without it)" >&2
  fi
  rm -rf "$work"
}

# Makes the cache when it is missing, older than the jar or made by another JDK; a failure is not
# retried until the jar or the JDK changes (ARCHIVE.failed).
cds_ensure_archive() {
  local root=$1 jar="$1/target/cqc-scheduler.jar" archive stamp
  cds_java_init # here, not in the subshells below, which inherit what it finds
  archive=$(cds_archive "$root")
  stamp=$(cds_jdk_stamp)
  if [ -f "$archive" ] && [ ! "$jar" -nt "$archive" ] && [ "$(cat "$archive.jdk" 2>/dev/null)" = "$stamp" ]; then
    return 0
  fi
  if [ -f "$archive.failed" ] && [ ! "$jar" -nt "$archive.failed" ] && [ "$(cat "$archive.failed")" = "$stamp" ]; then
    return 0
  fi
  rm -f "$archive.failed"
  cds_make_archive "$root"
  [ -f "$archive" ] || echo "$stamp" > "$archive.failed"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  cds_make_archive "$(cd "${1:?usage: bin/lib/cds.sh ROOT}" && pwd)"
fi

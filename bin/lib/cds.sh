# Sourced by bin/cqc and bin/sandbox, run by the build (pom.xml, `mvn package`): the class-data sharing
# archive of the jar, target/cqc-scheduler.jsa, and the JVM options that use it (BENCHMARKS.md).
#
# The archive is a static AppCDS archive of the classes two training runs load: the offline plan of
# the dev stack, and the Pulumi program itself (no arguments) against an engine address where nothing
# listens, which loads the gRPC and Netty classes a real `pulumi preview` needs and then fails.
# It is made by the `java` on PATH, the one Pulumi's java host and bin/cqc run, and written to a
# temporary file first: a half-written archive can crash the JVM, a complete but stale or foreign one
# (another jar, another JDK) is refused by the JVM, which then runs without it (-Xshare:auto).
#   bash bin/lib/cds.sh ROOT     (re)make ROOT/target/cqc-scheduler.jsa; never fails the caller

# The options for `java -jar` (bin/cqc, and JDK_JAVA_OPTIONS for Pulumi's java host): the archive,
# the C1 compiler only and the serial collector (a short run on a small machine), CDS logging off so
# that a refused archive prints nothing.
cds_options() {
  echo "-XX:SharedArchiveFile=$1/target/cqc-scheduler.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off"
}

# Which JDK made the archive: the resolved `java` and its libjvm's size and time (no JVM start).
cds_jdk_stamp() {
  local java
  java=$(readlink -f "$(command -v java)")
  echo "$java $(stat -c '%s %Y' "$(dirname "$java")"/../lib/server/libjvm.so 2>/dev/null)"
}

cds_make_archive() {
  local root=$1 jar="$1/target/cqc-scheduler.jar" archive="$1/target/cqc-scheduler.jsa" work
  # The training runs and the dump take no options from the environment (JDK_JAVA_OPTIONS may name
  # the very archive being remade).
  local fast=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC) java=(env -u JDK_JAVA_OPTIONS -u JAVA_TOOL_OPTIONS java)
  work=$(mktemp -d "$root/target/cds.XXXXXX") || return 0
  rm -f "$archive" "$archive.jdk"
  if (cd "$root" && timeout 300 "${java[@]}" "${fast[@]}" -XX:DumpLoadedClassList="$work/plan.classes" -jar "$jar" plan --stack dev >/dev/null 2>&1); then
    # The program fails at its first call to the engine: only the classes it loaded matter.
    (cd "$root" && PULUMI_MONITOR=127.0.0.1:1 PULUMI_ENGINE=127.0.0.1:1 PULUMI_PROJECT=cqc-scheduler \
      PULUMI_STACK=dev PULUMI_DRY_RUN=true timeout 120 \
      "${java[@]}" "${fast[@]}" -XX:DumpLoadedClassList="$work/program.classes" -jar "$jar" >/dev/null 2>&1) || true
    cat "$work"/*.classes > "$work/all.classes"
    if "${java[@]}" "${fast[@]}" -Xshare:dump -Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedClassListFile="$work/all.classes" \
        -XX:SharedArchiveFile="$work/archive.jsa" -cp "$jar" >"$work/dump.log" 2>&1; then
      mv -f "$work/archive.jsa" "$archive"
      cds_jdk_stamp > "$archive.jdk"
    fi
  fi
  [ -f "$archive" ] || echo "cds: no class-data sharing archive for $jar (the JVM starts without it)" >&2
  rm -rf "$work"
}

# Makes the archive when it is missing, older than the jar or made by another JDK; a failure is not
# retried until the jar or the JDK changes (target/cqc-scheduler.jsa.failed).
cds_ensure_archive() {
  local root=$1 jar="$1/target/cqc-scheduler.jar" archive="$1/target/cqc-scheduler.jsa" stamp
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

# Sourced by bin/cqc and bin/sandbox: the project's jar, built when it is missing or older than the
# sources (Pulumi does not build it in `runtime.options.binary` mode).
ensure_jar() {
  local root=$1 jar="$1/target/cqc-scheduler.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -type f -newer "$jar" -print -quit)" ]; then
    echo "building $jar (mvn package, about a minute the first time) ..." >&2
    mkdir -p "$root/target"
    if ! mvn -B -ntp -f "$root/pom.xml" -DskipTests package >"$root/target/build.log" 2>&1; then
      cat "$root/target/build.log" >&2
      exit 1
    fi
  fi
}

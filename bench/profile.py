"""Shares of JFR execution samples (bench/profile.sh): by the kind of work on top of the stack and by
whose work it is (the outermost part of the program on the stack). Reads `jfr print --json` files."""
import collections
import json
import sys

LOADING = ("ClassLoader.loadClass", "ClassLoader.defineClass", "BuiltinClassLoader", "URLClassPath",
           "jdk.internal.loader", "java.util.zip", "java.util.jar", "ClassLoader.findClass")


def kind(frames, joined):
    if any(x in joined for x in LOADING):
        return "class loading (jar lookup, defining)"
    if any(f.endswith(".<clinit>") for f in frames):
        return "static initialisers"
    if "java.lang.invoke" in joined or "LambdaMetafactory" in joined:
        return "lambda and method-handle linkage"
    if "java.lang.reflect" in joined or "jdk.internal.reflect" in joined:
        return "reflection"
    return "running code"


def owner(joined):
    if "checkForTasks" in joined or "loopUntilDone" in joined:
        return "SDK: runner loop (DefaultRunner.checkForTasks)"
    if "com.cqc.scheduler.config" in joined and "com.cqc.scheduler.infra" not in joined:
        return "ours: load and validate"
    if "PlanTable" in joined or "PlanJson" in joined:
        return "ours: render"
    if "com.cqc.scheduler.infra" in joined:
        return "ours: program (the SDK's resource constructors)"
    if "com.cqc.scheduler.offline.Plan.of" in joined and "OfflineEngine" not in joined:
        return "ours: fire times"
    if any(x in joined for x in ("com.pulumi", "io.grpc", "com.google")):
        return "SDK: engine, serialization"
    if "org.apache.commons.cli" in joined:
        return "command line (commons-cli)"
    if "com.cqc" in joined:
        return "ours: other"
    return "JVM and JDK alone"


kinds, owners, total = collections.Counter(), collections.Counter(), 0
for path in sys.argv[1:]:
    for event in json.load(open(path))["recording"]["events"]:
        frames = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
                  for f in event["values"]["stackTrace"]["frames"]]
        joined = " ".join(frames)
        kinds[kind(frames, joined)] += 1
        owners[owner(joined)] += 1
        total += 1
print(f"{total} samples")
for title, counter in (("kind of work", kinds), ("whose work", owners)):
    print(f"\n| {title} | share |\n|---|---|")
    for name, n in counter.most_common():
        print(f"| {name} | {100 * n / total:.1f}% |")

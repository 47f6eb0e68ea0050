package com.cqc.scheduler.infra;

import com.cqc.scheduler.App;
import com.cqc.scheduler.config.StackLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Empty;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.GetRootResourceRequest;
import pulumirpc.EngineOuterClass.GetRootResourceResponse;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;
import pulumirpc.EngineOuterClass.SetRootResourceRequest;
import pulumirpc.EngineOuterClass.SetRootResourceResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;
import pulumirpc.ResourceMonitorGrpc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program as Pulumi's java language host runs it: {@code App} with no arguments in its own JVM, the
 * engine's environment variables pointing at an in-test engine and resource monitor (gRPC, the protocol of
 * the real CLI). An invalid config must reach the engine as one error per problem, and the process must print
 * nothing itself (the host dumps a failed program's stdout and stderr to the user) and exit non-zero.
 */
class ProgramProcessTest {
    private static final String STACK_URN = "urn:pulumi:prod::cqc-scheduler::pulumi:pulumi:Stack::cqc-scheduler-prod";

    @TempDir
    Path dir;

    private final List<String> engineLog = Collections.synchronizedList(new ArrayList<>());
    private final List<String> registered = Collections.synchronizedList(new ArrayList<>());
    private Server server;

    @BeforeEach
    void startEngine() throws IOException {
        server = ServerBuilder.forPort(0).addService(new Engine()).addService(new Monitor()).build().start();
    }

    @AfterEach
    void stopEngine() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void anInvalidConfigReachesTheEngineOnceProblemByProblemAndTheProcessPrintsNothingAndFails() throws Exception {
        Files.writeString(dir.resolve("pipelines.yaml"), """
                pipelines:
                  backup:
                    schedule: "0 3 * * * *"
                    timeZone: Europe/Londn
                    pubsub: {topic: backups, data: go}
                """);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("gcp:project", "cqc-ml-prod");
        config.put("cqc-scheduler:projectNumber", "100000000003");
        // As the engine hands a stack file's object over: JSON text.
        config.put("cqc-scheduler:pipelines", "{\"backup\":{\"retry\":{\"count\":9,\"maxDoublings\":0}}}");

        Run run = runProgram(config);

        assertThat(engineLog).containsExactly(
                "ERROR pipelines.backup.schedule: '0 3 * * * *' has 6 fields; Cloud Scheduler takes exactly 5 (minute"
                        + " hour day-of-month month day-of-week), no seconds or year field (R2.2)",
                "ERROR pipelines.backup.timeZone: 'Europe/Londn' is not an IANA time zone name (did you mean 'Europe/London'?); use one of the tz"
                        + " database, e.g. Etc/UTC or Europe/London (R3.1)",
                "ERROR pipelines.backup.retry.count: 9 is outside 0..5 [set in Pulumi.prod.yaml] (R5.1)",
                "ERROR pipelines.backup.retry.maxDoublings: 0 cannot be set: the gcp provider leaves a zero out and the"
                        + " API then applies its default 5, so the job would never match the code; write 1 or more;"
                        + " for a constant wait set minBackoff equal to maxBackoff [set in Pulumi.prod.yaml] (P15)");
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(registered).containsExactly("pulumi:pulumi:Stack");
    }

    @Test
    void aValidConfigRegistersItsResourcesAndExitsZeroWithoutOutput() throws Exception {
        Files.writeString(dir.resolve("pipelines.yaml"),
                "pipelines:\n  backup: {schedule: \"0 3 * * *\", pubsub: {topic: backups, data: go}}\n");

        Run run = runProgram(Map.of("gcp:project", "cqc-ml-prod", "cqc-scheduler:projectNumber", "100000000003"));

        assertThat(engineLog).isEmpty();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(registered).contains("pulumi:pulumi:Stack", "cqc:scheduler:ScheduledPipeline",
                "gcp:cloudscheduler/job:Job", "gcp:pubsub/topic:Topic");
    }

    @Test
    void startedWithoutTheEngineItSaysSoInOneLineAndExits2() throws Exception {
        Run run = runProgram(null);

        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).isEqualTo("cqc-scheduler: without arguments this jar is the Pulumi program and runs only"
                + " under the Pulumi engine (pulumi preview / pulumi up); for the offline commands give one,"
                + " e.g. bin/cqc plan --stack dev (all commands: bin/cqc --help)" + System.lineSeparator());
        assertThat(run.exitCode()).isEqualTo(2);
    }

    private record Run(int exitCode, String stdout, String stderr) {}

    /**
     * {@code java -cp <the test classpath> com.cqc.scheduler.App}: the jar's entry point, no arguments; with
     * {@code config} null, without the engine's variables.
     */
    private Run runProgram(Map<String, String> config) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, App.class.getName()).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("PULUMI_") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        if (config == null) {
            return run(pb, dir);
        }
        String address = "127.0.0.1:" + server.getPort();
        env.put("PULUMI_MONITOR", address);
        env.put("PULUMI_ENGINE", address);
        env.put("PULUMI_PROJECT", StackLoader.PROJECT);
        env.put("PULUMI_STACK", "prod");
        env.put("PULUMI_DRY_RUN", "true");
        env.put("PULUMI_CONFIG", new ObjectMapper().writeValueAsString(config));
        env.put("PULUMI_CONFIG_SECRET_KEYS", "[]");
        return run(pb, dir);
    }

    private static Run run(ProcessBuilder pb, Path dir) throws Exception {
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the program did not finish; stderr:\n" + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                withoutJdkWarnings(Files.readString(err, StandardCharsets.UTF_8)));
    }

    /**
     * stderr less the warnings a JDK 24+ prints by itself when the SDK's gRPC (netty) uses sun.misc.Unsafe
     * (JEP 498) or loads its native library (JEP 472; the jar's manifest grants it, this test runs the
     * classes). They are the JVM's, not the program's, and no code in the process can turn them off.
     */
    private static String withoutJdkWarnings(String stderr) {
        String rest = stderr.lines()
                .filter(l -> !(l.startsWith("WARNING: ") && (l.contains("sun.misc.Unsafe") || l.contains("io.grpc.netty")
                        || l.contains("restricted method") || l.contains("Restricted methods") || l.contains("native-access")
                        || l.contains("java.lang.System::loadLibrary"))))
                .map(l -> l + System.lineSeparator())
                .collect(java.util.stream.Collectors.joining());
        return rest.isBlank() && !stderr.isEmpty() ? "" : rest;   // the JDK ends its warnings with a blank line
    }

    /** The engine's side the SDK talks to: diagnostics and the root resource. */
    private final class Engine extends EngineGrpc.EngineImplBase {
        private volatile String root = "";

        @Override
        public void log(LogRequest request, StreamObserver<Empty> response) {
            // The CLI shows debug messages only with -v; the SDK sends many.
            if (request.getSeverity() != LogSeverity.DEBUG) {
                engineLog.add(request.getSeverity().name() + " " + request.getMessage());
            }
            response.onNext(Empty.getDefaultInstance());
            response.onCompleted();
        }

        @Override
        public void getRootResource(GetRootResourceRequest request, StreamObserver<GetRootResourceResponse> response) {
            response.onNext(GetRootResourceResponse.newBuilder().setUrn(root).build());
            response.onCompleted();
        }

        @Override
        public void setRootResource(SetRootResourceRequest request, StreamObserver<SetRootResourceResponse> response) {
            root = request.getUrn();
            response.onNext(SetRootResourceResponse.getDefaultInstance());
            response.onCompleted();
        }
    }

    /** The resource monitor: records what is registered and answers as a preview does. */
    private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {
        @Override
        public void supportsFeature(SupportsFeatureRequest request, StreamObserver<SupportsFeatureResponse> response) {
            response.onNext(SupportsFeatureResponse.newBuilder().setHasSupport(false).build());
            response.onCompleted();
        }

        @Override
        public void registerResource(RegisterResourceRequest request, StreamObserver<RegisterResourceResponse> response) {
            registered.add(request.getType());
            String urn = request.getType().equals("pulumi:pulumi:Stack") ? STACK_URN
                    : "urn:pulumi:prod::cqc-scheduler::" + request.getType() + "::" + request.getName();
            response.onNext(RegisterResourceResponse.newBuilder().setUrn(urn).setObject(request.getObject()).build());
            response.onCompleted();
        }

        @Override
        public void registerResourceOutputs(RegisterResourceOutputsRequest request, StreamObserver<Empty> response) {
            response.onNext(Empty.getDefaultInstance());
            response.onCompleted();
        }
    }
}

package com.cqc.scheduler.bench;

import com.cqc.scheduler.config.StackFile;
import com.cqc.scheduler.config.StackLoader;
import com.cqc.scheduler.infra.CqcScheduler;
import com.cqc.scheduler.infra.SecretSource;
import com.cqc.scheduler.model.StackModel;
import com.cqc.scheduler.offline.ProviderEmulator;
import com.pulumi.Context;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * One benchmark measurement in a fresh JVM (bench/run.sh starts one per case):
 * {@code Benchmark program|floor|load SIZE WARMUPS RUNS} prints
 * {@code mode size medianMs minMs resources peakHeapMb peakRssMb}.
 *
 * <ul>
 *   <li>{@code program}: catalog text and stack file through the loader and validation, then the
 *       components, on Pulumi's mock engine with the provider emulator;</li>
 *   <li>{@code floor}: the same cloud resources registered directly ({@link FloorProgram});</li>
 *   <li>{@code load}: the loader and validation alone (what {@code validate} does).</li>
 * </ul>
 */
public final class Benchmark {
    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int size = Integer.parseInt(args[1]);
        int warmups = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        String catalog = SyntheticCatalog.yaml(size);
        StackFile stack = StackFile.parse("bench", "Pulumi.bench.yaml", StackLoader.PROJECT, SyntheticCatalog.STACK);

        int resources = 0;
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            long start = System.nanoTime();
            resources = switch (mode) {
                case "program" -> evaluate(ctx -> CqcScheduler.define(ctx, load(catalog, stack), SecretSource.OFFLINE));
                case "floor" -> evaluate(ctx -> FloorProgram.define(ctx, size));
                case "load" -> load(catalog, stack).pipelines().size();
                default -> throw new IllegalArgumentException("mode is program, floor or load, not " + mode);
            };
            double ms = (System.nanoTime() - start) / 1e6;
            if (i >= warmups) {
                times.add(ms);
            }
        }
        Collections.sort(times);
        System.out.printf("%s %d %.1f %.1f %d %.0f %.0f%n", mode, size, times.get(times.size() / 2), times.get(0),
                resources, peakHeapMb(), peakRssMb());
    }

    private static StackModel load(String catalog, StackFile stack) {
        try {
            return new StackLoader(Instant.parse("2026-11-29T00:00:00Z")).load(catalog, "pipelines.yaml", stack);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a program on the mock engine; returns how many resources it registered. */
    private static int evaluate(Consumer<Context> program) {
        try {
            TestResult result = PulumiTest.withMocks(new ProviderEmulator())
                    .withOptions(TestOptions.builder().projectName("cqc-scheduler").stackName("bench").preview(true).build())
                    .runTest(program).throwOnError();
            return result.resources().size();
        } finally {
            PulumiTest.cleanup();
        }
    }

    private static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1024.0 / 1024.0;
    }

    /** VmHWM: the process's peak resident memory, JVM included. */
    private static double peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return -1;
    }
}

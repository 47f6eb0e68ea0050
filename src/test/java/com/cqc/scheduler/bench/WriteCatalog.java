package com.cqc.scheduler.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic project for the CLI (bench/big-plan.sh): {@code pipelines.yaml} of N pipelines and
 * the stack file {@code Pulumi.bench.yaml}, so that {@code plan --stack bench --project-dir DIR} runs on it.
 */
public final class WriteCatalog {
    private WriteCatalog() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: WriteCatalog DIR PIPELINES");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        Files.writeString(dir.resolve("pipelines.yaml"), SyntheticCatalog.yaml(Integer.parseInt(args[1])));
        Files.writeString(dir.resolve("Pulumi.bench.yaml"), SyntheticCatalog.STACK);
    }
}

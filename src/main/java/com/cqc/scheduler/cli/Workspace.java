package com.cqc.scheduler.cli;

import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.config.StackFile;
import com.cqc.scheduler.config.StackLoader;
import com.cqc.scheduler.config.Suggest;
import com.cqc.scheduler.config.YamlReader;
import com.cqc.scheduler.model.StackModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The Pulumi project on disk: its stack files and the catalog, loaded through the one loader. */
final class Workspace {
    private final Path dir;

    Workspace(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** The stacks that have a {@code Pulumi.<stack>.yaml}, sorted. */
    List<String> stacks() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("Pulumi.") && n.endsWith(".yaml") && !n.equals("Pulumi.yaml"))
                    .map(n -> n.substring("Pulumi.".length(), n.length() - ".yaml".length()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UsageException("cannot list " + dir.toAbsolutePath().normalize() + ": " + e.getMessage());
        }
    }

    /** Loads and validates a stack; an unknown stack is a usage error, a bad one a config error. */
    StackModel load(String stack, Instant now) throws ConfigException {
        return new StackLoader(now).load(dir, stackFile(stack));
    }

    /** The stack's file; an unknown stack is a usage error. */
    StackFile stackFile(String stack) throws ConfigException {
        if (!stacks().contains(stack)) {
            throw new UsageException("unknown stack '" + stack + "': there is no Pulumi." + stack + ".yaml in "
                    + dir.toAbsolutePath().normalize() + Suggest.didYouMean(stack, stacks()) + "; known stacks: "
                    + String.join(", ", stacks()));
        }
        return StackFile.read(dir, StackLoader.PROJECT, stack);
    }

    /** The catalog file a stack reads. */
    Path catalog(StackFile stack) {
        return dir.resolve(stack.get(StackLoader.PROJECT + ":catalog").orElse(StackLoader.DEFAULT_CATALOG));
    }

    /** The text of a file the user named: a missing or unreadable one is a usage error, one that is not UTF-8 invalid. */
    static String read(Path file, String option) throws ConfigException {
        try {
            return YamlReader.readFile(file, file.getFileName().toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UsageException(option + " " + file + ": there is no such file");
        } catch (IOException e) {
            throw new UsageException(option + " " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
    }
}

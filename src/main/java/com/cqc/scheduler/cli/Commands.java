package com.cqc.scheduler.cli;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The commands, in the order {@code cqc --help} lists them. Names and descriptions are constants, inlined here,
 * and each command is made by a lambda rather than a constructor reference (which would load its class when
 * this list is made): finding the command being run loads no other command's class (issue 13).
 */
final class Commands {
    /** A command as the list and {@code --help} know it. */
    record Entry(String name, String description, Supplier<Command> create) {}

    static final List<Entry> ALL = List.of(
            new Entry(PlanCommand.NAME, PlanCommand.DESCRIPTION, () -> new PlanCommand()),
            new Entry(ValidateCommand.NAME, ValidateCommand.DESCRIPTION, () -> new ValidateCommand()),
            new Entry(DiffCommand.NAME, DiffCommand.DESCRIPTION, () -> new DiffCommand()),
            new Entry(NextRunsCommand.NAME, NextRunsCommand.DESCRIPTION, () -> new NextRunsCommand()),
            new Entry(TimelineCommand.NAME, TimelineCommand.DESCRIPTION, () -> new TimelineCommand()),
            new Entry(ImportCommand.NAME, ImportCommand.DESCRIPTION, () -> new ImportCommand()),
            new Entry(DriftCommand.NAME, DriftCommand.DESCRIPTION, () -> new DriftCommand()),
            new Entry(CheckCommand.NAME, CheckCommand.DESCRIPTION, () -> new CheckCommand()));

    private Commands() {}

    static Optional<Entry> named(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    static List<String> names() {
        return ALL.stream().map(Entry::name).toList();
    }
}

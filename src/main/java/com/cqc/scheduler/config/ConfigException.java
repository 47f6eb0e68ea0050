package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Problem;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration of a stack is invalid: every error found, each with its path, value and rule. */
public final class ConfigException extends Exception {
    private final List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public static ConfigException of(String path, String message) {
        return new ConfigException(List.of(Problem.error(path, message, null)));
    }

    /** Errors and the warnings found alongside them. */
    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        return "invalid configuration (" + errors + (errors == 1 ? " error" : " errors") + "):\n"
                + problems.stream().filter(Problem::isError).map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}

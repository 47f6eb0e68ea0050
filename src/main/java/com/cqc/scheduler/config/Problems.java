package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Collects every problem of a load so that all are reported at once. Paths that a stack file set
 * (rather than the catalog) are marked with the file, so the user knows which file to open.
 */
final class Problems {
    private final List<Problem> found = new ArrayList<>();
    private final List<Problem> textErrors = new ArrayList<>();
    private final Set<String> stackPaths;
    private final String stackOrigin;

    Problems(Set<String> stackPaths, String stackOrigin) {
        this.stackPaths = stackPaths;
        this.stackOrigin = stackOrigin;
    }

    /** Messages quote the user's values: whatever looks like a credential is masked first. */
    void error(String path, String message, String rule) {
        found.add(Problem.error(path, located(path, Secrets.mask(message)), rule));
    }

    /**
     * An error of the written text alone, whatever stack reads it: a wrong type or an unknown key (what
     * {@link ConfigNode} finds), a credential in plain config (P10). The catalog's are reported by every stack
     * ({@link CatalogTextErrors}).
     */
    void textError(String path, String message, String rule) {
        error(path, message, rule);
        textErrors.add(found.get(found.size() - 1));
    }

    List<Problem> textErrors() {
        return List.copyOf(textErrors);
    }

    /** A text error of the shared catalog {@code catalog}, found where this stack's own reading did not see it. */
    void catalogError(Problem error, String catalog) {
        found.add(Problem.error(error.path(), error.message() + " [set in " + catalog + ", which every stack shares]",
                error.rule()));
    }

    void warning(String path, String message, String rule) {
        found.add(Problem.warning(path, located(path, Secrets.mask(message)), rule));
    }

    boolean hasErrors() {
        return found.stream().anyMatch(Problem::isError);
    }

    List<Problem> all() {
        return List.copyOf(found);
    }

    List<Problem> warnings() {
        return found.stream().filter(p -> !p.isError()).toList();
    }

    /** Whether an error was recorded at exactly {@code path}. */
    boolean hasErrorAt(String path) {
        return found.stream().anyMatch(p -> p.isError() && p.path().equals(path));
    }

    /** The stack file, when it wrote the value at {@code path} (or a map holding it). */
    Optional<String> setIn(String path) {
        for (String p = path; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
            if (stackPaths.contains(p)) {
                return Optional.of(stackOrigin);
            }
        }
        return Optional.empty();
    }

    private String located(String path, String message) {
        return setIn(path).map(file -> message + " [set in " + file + "]").orElse(message);
    }
}

package com.cqc.scheduler.adopt;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds {@code enabled: false} overrides for new catalog entries to a {@code Pulumi.<stack>.yaml}, as
 * text, so a pipeline adopted into one stack is not created by the others. Every existing line,
 * comment and blank line stays as it was.
 */
public final class StackOverrideAppender {
    private static final String KEY = "cqc-scheduler:pipelines:";

    private StackOverrideAppender() {}

    /**
     * The stack file with {@code id: {enabled: false}} under {@code config: cqc-scheduler:pipelines:}
     * for each id (the key is added at the end of {@code config:} when the file has none).
     *
     * @throws IllegalArgumentException when the file's layout does not allow a safe text edit, or it
     *                                  already overrides one of the ids
     */
    public static String disable(String stackFile, List<String> ids, String comment) {
        List<String> lines = new ArrayList<>(stackFile.lines().toList());
        int config = -1;
        int configEnd = lines.size();
        int pipelines = -1;
        int pipelinesEnd = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            if (indent == 0) {
                if (config >= 0 && configEnd == lines.size()) {
                    configEnd = i;
                }
                if (line.startsWith("config:")) {
                    config = i;
                    configEnd = lines.size();
                }
            } else if (config >= 0 && configEnd == lines.size() && indent == 2) {
                if (pipelines >= 0 && pipelinesEnd < 0) {
                    pipelinesEnd = i;
                }
                if (line.strip().startsWith(KEY)) {
                    if (!line.strip().equals(KEY) && !line.strip().startsWith(KEY + " #")) {
                        throw new IllegalArgumentException("its '" + KEY + "' is written inline; overrides can be added"
                                + " only to a block map (the key on a line of its own)");
                    }
                    pipelines = i;
                }
            } else if (pipelines >= 0 && pipelinesEnd < 0 && indent == 4) {
                String key = line.strip().split(":")[0];
                if (ids.contains(key)) {
                    throw new IllegalArgumentException("it already overrides pipeline '" + key + "'");
                }
            }
        }
        if (config < 0) {
            throw new IllegalArgumentException("it has no top-level 'config:' key");
        }
        List<String> added = new ArrayList<>();
        added.add("    # " + comment);
        for (String id : ids) {
            added.add("    " + id + ":");
            added.add("      enabled: false");
        }
        int at;
        if (pipelines >= 0) {
            at = lastContent(lines, pipelines, pipelinesEnd < 0 ? configEnd : pipelinesEnd) + 1;
        } else {
            at = lastContent(lines, config, configEnd) + 1;
            added.add(0, "  " + KEY);
        }
        lines.addAll(at, added);
        return String.join("\n", lines) + "\n";
    }

    /** The last line in [from, to) that is not blank, so additions stay inside their block. */
    private static int lastContent(List<String> lines, int from, int to) {
        int last = from;
        for (int i = from; i < to; i++) {
            if (!lines.get(i).isBlank() && !lines.get(i).stripLeading().startsWith("#")) {
                last = i;
            }
        }
        return last;
    }
}

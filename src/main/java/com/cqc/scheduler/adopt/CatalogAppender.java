package com.cqc.scheduler.adopt;

import java.util.List;

/**
 * Adds entries at the end of a catalog file as text, so every existing entry, comment and blank line
 * stays exactly as it was (a YAML round trip would rewrite them).
 */
public final class CatalogAppender {
    private CatalogAppender() {}

    /**
     * The catalog with {@code entriesYaml} appended under its {@code pipelines:} map.
     *
     * @throws IllegalArgumentException when {@code pipelines:} is not the last top-level key, so that
     *                                  appending would put the entries under another key
     */
    public static String append(String catalog, String entriesYaml, String comment) {
        if (catalog.isBlank()) {
            return "pipelines:\n  # " + comment + "\n" + entriesYaml;
        }
        List<String> lines = catalog.lines().toList();
        int pipelines = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean topLevel = !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#");
            if (topLevel && line.startsWith("pipelines:")) {
                if (!line.strip().equals("pipelines:")) {
                    throw new IllegalArgumentException("the catalog's 'pipelines:' is written inline; entries can be"
                            + " appended only to a block map ('pipelines:' on a line of its own)");
                }
                pipelines = i;
            } else if (topLevel && pipelines >= 0) {
                throw new IllegalArgumentException("'pipelines:' is not the last top-level key of the catalog (line "
                        + (i + 1) + " starts '" + line.split(":")[0] + "'); move it to the end so entries can be appended");
            }
        }
        if (pipelines < 0) {
            throw new IllegalArgumentException("the catalog has no top-level 'pipelines:' key");
        }
        String base = catalog.endsWith("\n") ? catalog : catalog + "\n";
        return base + "\n  # " + comment + "\n" + entriesYaml;
    }
}

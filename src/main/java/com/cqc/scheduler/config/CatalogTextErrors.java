package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.StackSettings;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The catalog is shared by every stack, so the errors of its text alone ({@link Problems#textError}: a wrong type
 * such as {@code retry: 3}, an unknown key, a credential) are every stack's: {@code validate --stack prod} must not
 * pass on a catalog that {@code validate --stack dev} refuses. A stack's own reading sees the catalog only through
 * its changes, so this reads again, alone, the catalog's values that the stack file replaces or removes and the
 * pipelines the stack leaves out, and reports their text errors at the catalog's paths, saying the catalog holds
 * them. The stack's own values there are checked by its reading, as before; other errors of a value the stack
 * replaces (a cron it cannot parse, a project the stack does not use) may depend on the stack and stay its own.
 */
final class CatalogTextErrors {
    private CatalogTextErrors() {}

    /** Reports the text errors of the catalog's values outside the stack's reading: replaced, removed, left out. */
    static void report(CatalogMerge catalog, Set<String> readIds, Instant now, StackSettings settings, Problems problems) {
        Set<String> replaced = catalog.replacedPaths();
        Set<String> unread = new HashSet<>(catalog.ids());
        unread.removeAll(readIds);
        if (replaced.isEmpty() && unread.isEmpty()) {
            return;
        }
        Problems alone = new Problems(Set.of(), "");
        ConfigNode defaults = DefaultsReader.read(catalog.catalogDefaults(), alone);
        PipelineReader reader = new PipelineReader(now, settings, defaults, alone);
        for (String id : catalog.ids()) {
            String path = "pipelines." + id;
            if (unread.contains(id) || replaced.stream().anyMatch(r -> within(r, path))) {
                catalog.catalogPipeline(id, alone).ifPresent(entry -> {
                    entry.bool("enabled");   // read as the loader reads it, for its type
                    reader.read(id, entry);
                });
            }
        }
        for (Problem error : alone.textErrors()) {
            boolean unreadPipeline = unread.stream().anyMatch(id -> within(error.path(), "pipelines." + id));
            if (unreadPipeline || replaced.stream().anyMatch(r -> within(error.path(), r))) {
                problems.catalogError(error, catalog.origin());
            }
        }
    }

    /** Whether {@code path} is {@code base} or below it ({@code base.key}, {@code base[0]}). */
    private static boolean within(String path, String base) {
        return path.equals(base) || path.startsWith(base + ".") || path.startsWith(base + "[");
    }
}

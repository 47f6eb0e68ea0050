package com.cqc.scheduler.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names a pipeline gives its cloud resources: its job id (R1.2), the ids it had before a rename, and
 * its invoker service account id (R11.1), derived from the job id unless the catalog names one.
 */
final class PipelineNames {
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_-]{1,500}");
    private static final Pattern SERVICE_ACCOUNT_ID = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])");

    private PipelineNames() {}

    static void checkId(String id, ConfigNode n, Problems problems) {
        if (!JOB_ID.matcher(id).matches()) {
            problems.error(n.path(), "'" + id + "' is not a job id: 1..500 letters, digits, _ and -", "R1.2");
        }
    }

    static List<String> formerIds(String id, ConfigNode n, Problems problems) {
        List<String> formerIds = n.stringList("formerIds");
        formerIds.stream().filter(f -> !JOB_ID.matcher(f).matches() || f.equals(id)).forEach(f -> problems.error(
                n.path("formerIds"), "'" + f + "' is not an earlier job id of this pipeline", "R1.2"));
        return formerIds;
    }

    static String serviceAccountId(String id, ConfigNode n, Problems problems) {
        String derived = "sch-" + id.toLowerCase(Locale.ROOT).replace('_', '-');
        if (derived.length() < 6) {
            derived += "-sa";
        }
        if (derived.length() > 30) {
            String hash = Integer.toHexString(Math.floorMod(id.hashCode(), 0x10000));
            derived = derived.substring(0, 25).replaceAll("-+$", "") + "-" + "0".repeat(4 - hash.length()) + hash;
        }
        String chosen = n.text("serviceAccount").orElse(derived);
        if (chosen.length() < 6 || chosen.length() > 30 || !SERVICE_ACCOUNT_ID.matcher(chosen).matches()) {
            problems.error(n.path("serviceAccount"), "'" + chosen + "' is not a service account id: 6..30 lowercase"
                    + " letters, digits and -, starting with a letter, not ending with -", "R11.1");
        }
        return chosen;
    }
}

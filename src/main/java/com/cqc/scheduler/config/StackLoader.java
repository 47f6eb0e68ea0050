package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.RetryPolicy;
import com.cqc.scheduler.model.StackModel;
import com.cqc.scheduler.model.StackSettings;
import com.cqc.scheduler.model.Target;
import com.cqc.scheduler.schedule.CronSyntaxException;
import com.cqc.scheduler.schedule.DstHazards;
import com.cqc.scheduler.schedule.Schedule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The one loader: the pipeline catalog plus one stack's config becomes a validated {@link StackModel},
 * or a {@link ConfigException} with every error at once. {@code pulumi up}, the offline commands and the
 * tests all come through here; nothing is registered before it returns.
 */
public final class StackLoader {
    public static final String PROJECT = "cqc-scheduler";
    public static final String DEFAULT_CATALOG = "pipelines.yaml";
    /**
     * Jobs per region (R9.6): Google's "Quotas and limits" page gives "Number of jobs (per region) Default:
     * 1000 Max: 5000". More than the maximum is refused by the API, so it is an error; nearing the default
     * quota is a warning.
     */
    static final String QUOTAS_PAGE = "https://cloud.google.com/scheduler/quotas";
    static final int JOBS_PER_REGION_MAX = 5000;
    static final int JOBS_PER_REGION_WARNING = 900;
    private static final int MAX_JOB_BYTES = 1024 * 1024 - 1024;
    private static final Duration DST_HORIZON = Duration.ofDays(366);

    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_-]{1,500}");
    private static final Pattern SERVICE_ACCOUNT_ID = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])");
    private static final Pattern LABEL_KEY = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    static final Pattern LABEL_VALUE = Pattern.compile("[a-z0-9_-]{0,63}");
    private static final List<String> PIPELINE_KEYS = List.of("description", "schedule", "timeZone", "http", "pubsub",
            "appEngine", "retry", "attemptDeadline", "paused", "enabled", "serviceAccount", "labels", "formerIds");
    private static final List<String> RETRY_KEYS = List.of("count", "maxRetryDuration", "minBackoff", "maxBackoff",
            "maxDoublings");

    private final Instant now;

    /** @param now the instant DST hazards are looked for from (one year ahead) */
    public StackLoader(Instant now) {
        this.now = now;
    }

    /** Loads a stack whose catalog is a file of the project (by default {@value #DEFAULT_CATALOG}). */
    public StackModel load(Path projectDir, ConfigSource config) throws ConfigException {
        String name = config.get(PROJECT + ":catalog").orElse(DEFAULT_CATALOG);
        Path file = projectDir.resolve(name);
        try {
            return load(YamlReader.readFile(file, name), name, config);
        } catch (IOException e) {
            throw ConfigException.of(PROJECT + ":catalog", "cannot read the pipeline catalog " + file.toAbsolutePath()
                    .normalize() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Loads a stack from the catalog text and the stack's config. */
    public StackModel load(String catalogYaml, String catalogOrigin, ConfigSource config) throws ConfigException {
        ObjectNode catalog = parseCatalog(catalogYaml, catalogOrigin);
        ObjectNode overrides = objectConfig(config, "pipelines");
        ObjectNode stackDefaults = objectConfig(config, "defaults");
        Set<String> stackPaths = new HashSet<>();
        leafPaths(overrides, "pipelines", stackPaths);
        leafPaths(stackDefaults, "defaults", stackPaths);
        Problems problems = new Problems(stackPaths, config.origin());

        ConfigNode root = new ConfigNode(catalog, "", problems);
        root.allowOnly(List.of("defaults", "pipelines"));
        StackSettings settings = StackSettingsReader.read(config, problems);
        ObjectNode defaults = merged(catalog.get("defaults"), stackDefaults);
        ConfigNode defaultsNode = new ConfigNode(defaults, "defaults", problems);
        defaultsNode.allowOnly(List.of("timeZone", "retry", "attemptDeadline", "labels"));

        Placeholders placeholders = new Placeholders(Map.of("project", settings.project(), "projectNumber",
                settings.projectNumber(), "region", settings.region(), "environment", settings.environment(),
                "stack", settings.stack()));
        TargetReader targets = new TargetReader(settings, problems, placeholders);
        JsonNode entries = catalog.path("pipelines");
        if (!entries.isObject() || entries.isEmpty()) {
            problems.error("pipelines", entries.isContainerNode() && !entries.isEmpty() || entries.isValueNode()
                    ? "is " + ConfigNode.found(entries) + "; expected a map of pipeline id to settings"
                    : "the catalog " + catalogOrigin + " defines no pipelines", null);
        }
        for (Iterator<String> it = overrides.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            if (!entries.has(id)) {
                problems.error("pipelines." + id, "is not in the catalog " + catalogOrigin
                        + Suggest.didYouMean(id, fieldNames(entries)) + "; a stack file only"
                        + " changes pipelines the catalog defines (known: " + String.join(", ", fieldNames(entries)) + ")", null);
            }
        }
        List<Pipeline> pipelines = new ArrayList<>();
        for (String id : fieldNames(entries)) {
            if (!entries.get(id).isObject()) {   // one error, not one per setting it lacks
                problems.error("pipelines." + id, "is " + ConfigNode.found(entries.get(id)) + "; expected a map of"
                        + " settings (schedule, a target, ...)", null);
                continue;
            }
            ObjectNode entry = merged(entries.get(id), overrides.get(id));
            ConfigNode node = new ConfigNode(entry, "pipelines." + id, problems);
            if (node.bool("enabled").orElse(true)) {
                pipeline(id, node, defaultsNode, settings, targets, problems).ifPresent(pipelines::add);
            }
        }
        checkUnique(pipelines, problems);
        Map<String, Long> perRegion = new java.util.TreeMap<>();
        pipelines.forEach(p -> perRegion.merge(p.region(), 1L, Long::sum));
        perRegion.forEach((region, jobs) -> {
            if (jobs > JOBS_PER_REGION_MAX) {
                problems.error("pipelines", jobs + " jobs in " + region + "; Cloud Scheduler takes at most "
                        + JOBS_PER_REGION_MAX + " per region, even with a raised quota (" + QUOTAS_PAGE + ");"
                        + " move jobs to another region or project", "R9.6");
            } else if (jobs >= JOBS_PER_REGION_WARNING) {
                problems.warning("pipelines", jobs + " jobs in " + region + "; the default quota is 1000 jobs per"
                        + " region (" + QUOTAS_PAGE + "), raise it (up to " + JOBS_PER_REGION_MAX + ") before you"
                        + " reach it", "R9.6");
            }
        });
        if (problems.hasErrors()) {
            throw new ConfigException(problems.all());
        }
        return new StackModel(settings, pipelines, problems.warnings());
    }

    private Optional<Pipeline> pipeline(String id, ConfigNode n, ConfigNode defaults, StackSettings settings,
                                        TargetReader targets, Problems problems) {
        n.allowOnly(PIPELINE_KEYS);
        if (!JOB_ID.matcher(id).matches()) {
            problems.error(n.path(), "'" + id + "' is not a job id: 1..500 letters, digits, _ and -", "R1.2");
        }
        String description = n.text("description").orElse("");
        if (description.length() > 500) {
            problems.error(n.path("description"), "is " + description.length() + " characters long; at most 500", "R9.1");
        }
        Optional<Schedule> schedule = schedule(id, n, problems);
        String zoneName = n.text("timeZone").or(() -> defaults.text("timeZone")).orElse(Zones.UTC);
        Optional<ZoneId> zone = Zones.canonical(zoneName);
        if (zone.isEmpty()) {
            problems.error(n.path("timeZone"), "'" + zoneName + "' is not an IANA time zone name"
                    + Suggest.didYouMean(zoneName, java.time.ZoneId.getAvailableZoneIds()) + "; use one of the tz"
                    + " database, e.g. Etc/UTC or Europe/London", "R3.1");
        }
        if (schedule.isPresent() && schedule.get() instanceof Schedule.Cron cron && zone.isPresent()) {
            dstWarning(n, cron, zone.get(), problems);
        }
        boolean pubsub = n.has("pubsub");
        if (pubsub && n.has("attemptDeadline")) {
            problems.error(n.path("attemptDeadline"), "is ignored by the API for Pub/Sub targets and would show as a"
                    + " permanent diff; remove it", "R4.4");
        }
        Optional<Duration> deadline = pubsub ? Optional.empty()
                : n.duration("attemptDeadline").or(() -> defaults.duration("attemptDeadline")).or(() -> Optional.of(Duration.ofMinutes(3)));
        Optional<Target> target = targets.read(n, deadline, written(n, defaults, "attemptDeadline"));
        Optional<RetryPolicy> retry = retry(n, defaults, problems);
        boolean paused = n.bool("paused").orElse(false);
        Optional<String> serviceAccount = target.filter(t -> t.auth().kind().equals("oidc") || t.auth().kind().equals("oauth"))
                .map(t -> serviceAccountId(id, n, problems));
        Map<String, String> labels = labels(id, n, defaults, settings, problems);
        String region = settings.region();
        if (target.isPresent() && target.get() instanceof Target.AppEngine) {
            region = settings.appEngineRegion();
            if (region.isEmpty()) {
                problems.error(n.path("appEngine"), "an App Engine target job must live in the App Engine app's region,"
                        + " which only the stack knows; set cqc-scheduler:appEngineRegion in the stack file", "R1.7");
            }
        }
        target.ifPresent(t -> checkSize(n, t, problems));
        if (schedule.isEmpty() || zone.isEmpty() || target.isEmpty() || retry.isEmpty()) {
            return Optional.empty();
        }
        List<String> formerIds = n.stringList("formerIds");
        formerIds.stream().filter(f -> !JOB_ID.matcher(f).matches() || f.equals(id)).forEach(f -> problems.error(
                n.path("formerIds"), "'" + f + "' is not an earlier job id of this pipeline", "R1.2"));
        return Optional.of(new Pipeline(id, region, description, schedule.get(), zone.get(), target.get(), retry.get(),
                paused, serviceAccount, labels, formerIds));
    }

    /** A value as the user wrote it ({@code 1860s}, not {@code 31m}), naming defaults when it came from there. */
    private static String written(ConfigNode n, ConfigNode defaults, String key) {
        if (n.has(key)) {
            return "'" + n.raw(key).asText() + "'";
        }
        return defaults.has(key) ? "'" + defaults.raw(key).asText() + "' (from " + defaults.path(key) + ")" : null;
    }

    private Optional<Schedule> schedule(String id, ConfigNode n, Problems problems) {
        if (!n.has("schedule")) {
            if (!n.misspelt("schedule")) {
                problems.error(n.path("schedule"), "is required, e.g. '0 3 * * *'", "R2.1");
            }
            return Optional.empty();
        }
        Optional<String> written = n.text("schedule");
        if (written.isEmpty()) {
            return Optional.empty();   // not a single value: reported by text()
        }
        String text = written.get();
        try {
            Schedule schedule = Schedule.parse(text, id);
            if (schedule instanceof Schedule.Legacy) {
                problems.warning(n.path("schedule"), "'" + text + "' is the legacy English format: accepted but not"
                        + " recommended, and the plan cannot show its fire times; write it as unix-cron", "R2.8");
            }
            return Optional.of(schedule);
        } catch (CronSyntaxException e) {
            problems.error(n.path("schedule"), e.getMessage(), e.rule());
            return Optional.empty();
        }
    }

    private void dstWarning(ConfigNode n, Schedule.Cron cron, ZoneId zone, Problems problems) {
        List<DstHazards.Hazard> hazards = DstHazards.find(cron, zone, now, DST_HORIZON);
        if (hazards.isEmpty()) {
            return;
        }
        TreeSet<String> skipped = new TreeSet<>();
        TreeSet<String> repeated = new TreeSet<>();
        for (DstHazards.Hazard h : hazards) {
            (h.skipped() ? skipped : repeated).add(h.localTime().toLocalDate().toString());
        }
        String times = hazards.stream().map(h -> h.localTime().toLocalTime().toString()).distinct().limit(3)
                .reduce((a, b) -> a + ", " + b).orElse("");
        List<String> parts = new ArrayList<>();
        if (!skipped.isEmpty()) {
            parts.add("skipped on " + String.join(", ", skipped));
        }
        if (!repeated.isEmpty()) {
            parts.add("repeated on " + String.join(", ", repeated));
        }
        problems.warning(n.path("schedule"), "'" + cron.expression() + "' fires at " + times + " " + zone.getId()
                + ", a local time " + String.join(" and ", parts) + " by a DST change; the run may be skipped or"
                + " doubled. Move it out of the change hours or use Etc/UTC", "R3.3");
    }

    private Optional<RetryPolicy> retry(ConfigNode n, ConfigNode defaults, Problems problems) {
        ObjectNode merged = merged(defaults.raw("retry"), n.raw("retry"));
        ConfigNode r = new ConfigNode(merged, n.path("retry"), problems);
        r.allowOnly(RETRY_KEYS);
        RetryPolicy api = RetryPolicy.API_DEFAULTS;
        int count = r.integer("count").orElse(api.count());
        if (count < 0 || count > 5) {
            problems.error(r.path("count"), count + " is outside 0..5", "R5.1");
        }
        Duration maxRetry = r.duration("maxRetryDuration").orElse(api.maxRetryDuration());
        Duration minBackoff = r.duration("minBackoff").orElse(api.minBackoff());
        Duration maxBackoff = r.duration("maxBackoff").orElse(api.maxBackoff());
        int doublings = r.integer("maxDoublings").orElse(api.maxDoublings());
        if (doublings < 0) {
            problems.error(r.path("maxDoublings"), doublings + " is negative; it counts doublings (0 or more)", "R5.5");
        }
        // P15: the provider never sends a zero nested field, and the API fills in its own default; where that
        // default is not zero the job keeps the API's value and differs from the code forever.
        if (minBackoff.isZero()) {
            unsendableZero(r, "minBackoff", "0s", Durations.human(api.minBackoff()), "write 1s or more", problems);
        }
        if (maxBackoff.isZero()) {
            unsendableZero(r, "maxBackoff", "0s", Durations.human(api.maxBackoff()), "write 1s or more", problems);
        }
        if (doublings == 0) {
            unsendableZero(r, "maxDoublings", "0", String.valueOf(api.maxDoublings()), "write 1 or more; for a"
                    + " constant wait set minBackoff equal to maxBackoff", problems);
        }
        if (minBackoff.compareTo(maxBackoff) > 0) {
            problems.warning(r.path("minBackoff"), r.text("minBackoff").orElse(Durations.human(minBackoff))
                    + " is longer than maxBackoff " + r.text("maxBackoff").orElse(Durations.human(maxBackoff))
                    + " (API rule UNCONFIRMED)", "R5.7");
        }
        return Optional.of(new RetryPolicy(count, maxRetry, minBackoff, maxBackoff, doublings));
    }

    private static void unsendableZero(ConfigNode retry, String key, String zero, String apiDefault, String instead,
                                       Problems problems) {
        problems.error(retry.path(key), zero + " cannot be set: the gcp provider leaves a zero out and the API then"
                + " applies its default " + apiDefault + ", so the job would never match the code; " + instead, "P15");
    }

    private String serviceAccountId(String id, ConfigNode n, Problems problems) {
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

    private Map<String, String> labels(String id, ConfigNode n, ConfigNode defaults, StackSettings settings,
                                       Problems problems) {
        Map<String, String> labels = new LinkedHashMap<>(defaults.stringMap("labels"));
        labels.putAll(n.stringMap("labels"));
        labels.put("environment", settings.environment());
        labels.put("pipeline", id.toLowerCase(Locale.ROOT));
        labels.put("managed-by", "pulumi");
        for (Map.Entry<String, String> l : labels.entrySet()) {
            if (!LABEL_KEY.matcher(l.getKey()).matches() || !LABEL_VALUE.matcher(l.getValue()).matches()) {
                problems.error(n.path("labels") + "." + l.getKey(), "'" + l.getKey() + ": " + l.getValue()
                        + "' is not a label: keys start with a lowercase letter, keys and values take lowercase"
                        + " letters, digits, _ and -, at most 63 characters", null);
            }
        }
        return labels;
    }

    private void checkSize(ConfigNode n, Target target, Problems problems) {
        int bytes = 0;
        if (target instanceof Target.Http h) {
            bytes = h.uri().length() + h.body().map(b -> b.sizeBytes()).orElse(0) + size(h.headers());
        } else if (target instanceof Target.AppEngine a) {
            bytes = a.relativeUri().length() + a.body().map(b -> b.sizeBytes()).orElse(0) + size(a.headers());
        } else if (target instanceof Target.Pubsub p) {
            bytes = p.data().map(d -> d.sizeBytes()).orElse(0) + size(p.attributes());
        }
        if (bytes > MAX_JOB_BYTES) {
            problems.error(n.path(), "the job takes " + bytes + " bytes; a job is at most 1 MB", "R9.4");
        }
    }

    private static int size(Map<String, String> map) {
        return map.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
    }

    private void checkUnique(List<Pipeline> pipelines, Problems problems) {
        Map<String, String> accounts = new HashMap<>();
        Map<String, String> topics = new HashMap<>();
        for (Pipeline p : pipelines) {
            p.serviceAccountId().ifPresent(sa -> {
                String other = accounts.putIfAbsent(sa, p.id());
                if (other != null) {
                    problems.error("pipelines." + p.id() + ".serviceAccount", "'" + sa + "' is already the invoker of "
                            + other + "; each pipeline has its own service account", "R11.1");
                }
            });
            if (p.target() instanceof Target.Pubsub t && t.managedTopic()) {
                String other = topics.putIfAbsent(t.topic(), p.id());
                if (other != null) {
                    problems.error("pipelines." + p.id() + ".pubsub.topic", "'" + t.topic() + "' is already created by "
                            + other + "; use existingTopic to publish to it", "R7.2");
                }
            }
        }
    }

    private static ObjectNode parseCatalog(String yaml, String origin) throws ConfigException {
        JsonNode root = YamlReader.read(yaml, origin);
        if (root == null || !root.isObject()) {
            throw ConfigException.of(origin, "is " + YamlReader.kind(root) + "; expected a YAML map with 'pipelines:'");
        }
        return (ObjectNode) root;
    }

    static ObjectNode objectConfig(ConfigSource config, String key) throws ConfigException {
        Optional<String> text = config.get(PROJECT + ":" + key);
        if (text.isEmpty()) {
            return StackFile.json().createObjectNode();
        }
        try {
            JsonNode node = StackFile.json().readTree(text.get());
            if (node == null || !node.isObject()) {
                throw ConfigException.of(PROJECT + ":" + key, "in " + config.origin() + " must be a map");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw ConfigException.of(PROJECT + ":" + key, "in " + config.origin() + " is not a map: " + e.getOriginalMessage());
        }
    }

    /** Deep merge: maps merge key by key, anything else in {@code over} replaces; null removes. */
    static ObjectNode merged(JsonNode base, JsonNode over) {
        ObjectNode out = base != null && base.isObject() ? ((ObjectNode) base).deepCopy() : StackFile.json().createObjectNode();
        if (over == null || !over.isObject()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode current = out.get(e.getKey());
            if (e.getValue().isNull()) {
                out.remove(e.getKey());
            } else if (current != null && current.isObject() && e.getValue().isObject()) {
                out.set(e.getKey(), merged(current, e.getValue()));
            } else {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return out;
    }

    private static void leafPaths(JsonNode node, String prefix, Set<String> out) {
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> leafPaths(e.getValue(), prefix + "." + e.getKey(), out));
        } else {
            out.add(prefix);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

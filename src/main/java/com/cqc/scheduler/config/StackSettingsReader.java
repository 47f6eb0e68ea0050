package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Alerting;
import com.cqc.scheduler.model.StackSettings;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads what a stack file says about its environment: project, region, protection, retention, alerting. */
final class StackSettingsReader {
    private static final Pattern PROJECT_ID = Pattern.compile("(?:[a-z0-9.-]+:)?[a-z][-a-z0-9]{4,28}[a-z0-9]");
    private static final Pattern LOCATION = Pattern.compile("[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CHANNEL = Pattern.compile("projects/[^/]+/notificationChannels/[^/]+");
    private static final String NS = StackLoader.PROJECT + ":";

    private StackSettingsReader() {}

    static StackSettings read(ConfigSource config, Problems problems) {
        String origin = config.origin();
        String project = config.get("gcp:project").orElse("");
        if (!PROJECT_ID.matcher(project).matches()) {
            problems.error("gcp:project", (project.isEmpty() ? "is missing" : "'" + project + "' is not a project id")
                    + " in " + origin + "; 6..30 lowercase letters, digits and -, optionally after a domain and ':'", "R1.3");
        }
        String region = config.get("gcp:region").orElse("europe-west2");
        checkLocation("gcp:region", region, origin, problems);
        String appEngineRegion = config.get(NS + "appEngineRegion").orElse("");
        if (!appEngineRegion.isEmpty()) {
            checkLocation(NS + "appEngineRegion", appEngineRegion, origin, problems);
        }
        String number = config.get(NS + "projectNumber").orElse("");
        if (!number.matches("\\d{6,20}")) {
            problems.error(NS + "projectNumber", (number.isEmpty() ? "is missing" : "'" + number + "' is not a"
                    + " project number") + " in " + origin + "; it names the Cloud Scheduler service agent"
                    + " (gcloud projects describe PROJECT --format='value(projectNumber)')", "R10.1");
        }
        String environment = config.get(NS + "environment").orElse(config.stackName());
        if (!Labels.VALUE.matcher(environment).matches() || environment.isEmpty()) {
            problems.error(NS + "environment", "'" + environment + "' in " + origin + " is not a label value: every"
                    + " pipeline is labelled with it; write 1 to 63 lowercase letters, digits, _ and -", null);
        }
        boolean protect = bool(config, NS + "protectStateful", environment.equals("prod"), problems);
        Duration retention = config.get(NS + "topicRetention").map(t -> {
            Optional<Duration> d = Durations.parse(t);
            if (d.isEmpty() || d.get().compareTo(Duration.ofMinutes(10)) < 0 || d.get().compareTo(Duration.ofDays(31)) > 0) {
                problems.error(NS + "topicRetention", "'" + t + "' must be a duration within 10m..31d", null);
            }
            return d.orElse(Duration.ofDays(7));
        }).orElse(Duration.ofDays(7));
        return new StackSettings(config.stackName(), environment, project, number, region, appEngineRegion, protect,
                retention, alerting(config, problems));
    }

    private static Alerting alerting(ConfigSource config, Problems problems) {
        String key = NS + "alerting";
        ObjectNode raw;
        try {
            raw = CatalogMerge.objectConfig(config, "alerting");
        } catch (ConfigException e) {
            e.problems().forEach(p -> problems.error(p.path(), p.message(), p.rule()));
            return Alerting.OFF;
        }
        if (raw.isEmpty()) {
            return Alerting.OFF;
        }
        ConfigNode n = new ConfigNode(raw, key, problems);
        n.allowOnly(List.of("enabled", "failedAttempts", "window", "emails", "channels", "slackChannel"));
        boolean enabled = n.bool("enabled").orElse(true);
        int failedAttempts = n.integer("failedAttempts").orElse(1);
        if (failedAttempts < 1 || failedAttempts > 100) {
            problems.error(n.path("failedAttempts"), failedAttempts + " is outside 1..100", null);
        }
        Duration window = n.duration("window").orElse(Duration.ofMinutes(5));
        if (window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(Duration.ofDays(1)) > 0
                || window.getSeconds() % 60 != 0 || window.getNano() != 0) {
            problems.error(n.path("window"), "'" + n.text("window").orElse("") + "' must be whole minutes within 1m..1d", null);
        }
        List<String> emails = n.stringList("emails");
        emails.stream().filter(e -> !EMAIL.matcher(e).matches()).forEach(e ->
                problems.error(n.path("emails"), "'" + e + "' is not an e-mail address", null));
        List<String> channels = n.stringList("channels");
        channels.stream().filter(c -> !CHANNEL.matcher(c).matches()).forEach(c -> problems.error(n.path("channels"),
                "'" + c + "' is not a notification channel name projects/PROJECT/notificationChannels/ID", null));
        Optional<String> slack = n.text("slackChannel");
        if (slack.isPresent()) {
            if (config.get(Alerting.SLACK_TOKEN_KEY).isEmpty()) {
                problems.error(Alerting.SLACK_TOKEN_KEY, "is missing: Slack needs its token, set it with"
                        + " pulumi config set --secret " + Alerting.SLACK_TOKEN_KEY + " <token>", null);
            } else if (!config.isSecret(Alerting.SLACK_TOKEN_KEY)) {
                // The value itself is never repeated here: it is a credential.
                problems.error(Alerting.SLACK_TOKEN_KEY, "is stored in plain text in " + config.origin()
                        + "; set it again with pulumi config set --secret " + Alerting.SLACK_TOKEN_KEY, null);
            }
        }
        if (enabled && emails.isEmpty() && channels.isEmpty() && slack.isEmpty()) {
            problems.error(key, "alerting is enabled but has nowhere to send alerts: give emails, channels or"
                    + " slackChannel, or set enabled: false", null);
        }
        return new Alerting(enabled, failedAttempts, window, emails, channels, slack);
    }

    private static void checkLocation(String key, String value, String origin, Problems problems) {
        if (!LOCATION.matcher(value).matches()) {
            problems.error(key, "'" + value + "' in " + origin + " is not a location id such as europe-west2", "R1.4");
        }
    }

    private static boolean bool(ConfigSource config, String key, boolean fallback, Problems problems) {
        Optional<String> v = config.get(key);
        if (v.isPresent() && !v.get().matches("true|false")) {
            problems.error(key, "'" + v.get() + "' is not true or false", null);
        }
        return v.map(Boolean::parseBoolean).orElse(fallback);
    }

}

package com.cqc.scheduler.config;

import com.cqc.scheduler.schedule.CronSyntaxException;
import com.cqc.scheduler.schedule.DstHazards;
import com.cqc.scheduler.schedule.Schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** When a pipeline fires: its schedule (R2.x), its time zone (R3.1) and the DST changes it runs into (R3.3). */
final class ScheduleReader {
    private static final Duration DST_HORIZON = Duration.ofDays(366);

    private final Instant now;
    private final Problems problems;

    /** @param now the instant DST hazards are looked for from (one year ahead) */
    ScheduleReader(Instant now, Problems problems) {
        this.now = now;
        this.problems = problems;
    }

    Optional<Schedule> schedule(String id, ConfigNode n) {
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

    /** The pipeline's time zone, else the defaults' (checked once by {@link DefaultsReader}), else UTC. */
    Optional<ZoneId> timeZone(ConfigNode n, ConfigNode defaults) {
        if (n.has("timeZone")) {
            return zone(n, problems);
        }
        return zone(defaults, problems).or(() -> Zones.canonical(Zones.UTC));
    }

    /** The time zone {@code n} sets, checked at its path; empty when it sets none or a bad one (recorded). */
    static Optional<ZoneId> zone(ConfigNode n, Problems problems) {
        Optional<String> name = n.text("timeZone");
        Optional<ZoneId> zone = name.flatMap(Zones::canonical);
        if (name.isPresent() && zone.isEmpty()) {
            problems.error(n.path("timeZone"), "'" + name.get() + "' is not an IANA time zone name"
                    + Suggest.didYouMean(name.get(), ZoneId.getAvailableZoneIds()) + "; use one of the tz"
                    + " database, e.g. Etc/UTC or Europe/London", "R3.1");
        }
        return zone;
    }

    void dstWarning(ConfigNode n, Schedule.Cron cron, ZoneId zone) {
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
}

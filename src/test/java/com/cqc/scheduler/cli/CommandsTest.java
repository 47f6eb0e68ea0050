package com.cqc.scheduler.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class CommandsTest {
    @TempDir
    Path tmp;

    @Test
    void everyCommandHasTheHelpThatUsageErrorsPointTo() {
        for (String command : new String[] {"plan", "validate", "diff", "next-runs", "timeline", "import", "drift", "check"}) {
            CliRun run = CliRun.of(command, "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).startsWith("Usage: cqc " + command).contains("Exit codes:");
        }
    }

    @Test
    void theTopLevelHelpListsEveryCommandInOrder() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsSubsequence("Commands:", "\n  plan ", "\n  validate ", "\n  diff ", "\n  next-runs ",
                "\n  timeline ", "\n  import ", "\n  drift ", "\n  check ");
    }

    @Test
    void theFirstWordFindsTheOneCommandToBuild() {
        assertThat(Commands.names()).containsExactly("plan", "validate", "diff", "next-runs", "timeline", "import", "drift", "check");
        assertThat(Commands.named("timeline").orElseThrow().create().get()).isInstanceOf(TimelineCommand.class);
        assertThat(Commands.named("plna")).isEmpty();
    }

    @Test
    void validateAllPassesOnTheRealStacks() {
        CliRun run = CliRun.of("validate", "--all");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("dev: valid, 10 pipelines").contains("staging: valid, 10 pipelines")
                .contains("prod: valid, 10 pipelines").endsWith("3 stack(s): 0 error(s), 0 warning(s)\n");
    }

    @Test
    void diffShowsWhatPromotionToProdChanges() {
        CliRun run = CliRun.of("diff", "--from", "dev", "--to", "prod");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("gcp:project                        cqc-ml-dev -> cqc-ml-prod")
                .contains("protectStateful                    false -> true")
                .contains("topicRetention                     1d -> 7d")
                .contains("  gcp:cloudscheduler:Job  weekly-model-training-job\n    paused                             true -> false\n"
                        + "    retryConfig.retryCount             1 -> 3")
                .contains("retryConfig.retryCount             1 -> 5")
                .contains("(protect)                          false -> true")
                .doesNotContain("httpTarget.uri")
                .contains("10 of 10 pipelines.");
    }

    @Test
    void diffOfAStackWithItselfFindsNothing() {
        CliRun run = CliRun.of("diff", "--from", "prod", "--to", "prod");

        assertThat(run.out()).endsWith("No differences.\n");
    }

    @Test
    void nextRunsListsEveryJobInItsZoneAndUtc() {
        CliRun run = CliRun.of("next-runs", "--stack", "prod", "--count", "2", "--from", "2027-03-27T00:00:00Z");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("weekly-appengine-task  \"0 0 * * 0\" Europe/London")
                .contains("Sun 2027-03-28 00:00 +00:00 | Sun 2027-03-28 00:00 UTC")
                .contains("Sun 2027-04-04 00:00 +01:00 | Sat 2027-04-03 23:00 UTC");
    }

    @Test
    void nextRunsTakesADateAndPrintsToTheMinute() {
        CliRun date = CliRun.of("next-runs", "--stack", "prod", "--count", "1", "--from", "2027-03-27");
        CliRun instant = CliRun.of("next-runs", "--stack", "prod", "--count", "1", "--from", "2027-03-27T00:00:00Z");
        CliRun seconds = CliRun.of("next-runs", "--stack", "prod", "--count", "1", "--from", "2027-03-27T06:30:45Z");

        assertThat(date.exitCode()).isZero();
        assertThat(date.out()).startsWith("Next 1 runs after Sat 2027-03-27 00:00 UTC, stack prod\n").isEqualTo(instant.out());
        assertThat(seconds.out()).startsWith("Next 1 runs after Sat 2027-03-27 06:30 UTC, stack prod\n")
                .doesNotContainPattern("\\d\\d:\\d\\d:\\d\\d");
        assertThat(CliRun.of("next-runs", "--stack", "prod", "--from", "2027-02-30").err())
                .contains("'2027-02-30' is neither a date");
    }

    @Test
    void timelineDrawsTheComingWeekAndGroupsEveryClash() throws Exception {
        Path svg = tmp.resolve("prod.svg");

        CliRun run = CliRun.of("timeline", "--stack", "prod", "--out", svg.toString(), "--from", "2026-11-30T12:34:00Z");

        assertThat(run.exitCode()).isZero();
        String picture = Files.readString(svg);
        assertThat(picture).startsWith("<svg").contains("viewBox=\"0 0 1228 ")
                .contains("prod: job starts, Mon 2026-11-30 12:00 to Mon 2026-12-07 12:00 UTC")
                .contains(">daily at 03:00 UTC: data-quality-check, daily-backup<")
                .contains(">daily except Sun 12-06 at 00:00 UTC: data-quality-check, function-trigger, cloudrun-trigger<")
                .contains(">Sun 12-06 at 00:00 UTC: weekly-model-training, data-quality-check, function-trigger, cloudrun-trigger,"
                        + " weekly-appengine-task<")
                .doesNotContainPattern("fill=\"#d62728\">[^<]*dataflow-launch");
        assertThat(run.out()).contains("wrote " + svg).contains("from 2026-11-30T12:00:00Z to 2026-12-07T12:00:00Z");
    }

    @Test
    void pausedJobsAreNeverClashes() throws Exception {
        Path svg = tmp.resolve("dev.svg");

        CliRun.of("timeline", "--stack", "dev", "--out", svg.toString(), "--from", "2026-11-30");

        // daily-backup (03:00) and weekly-model-training (Sun 00:00) are paused in dev
        assertThat(Files.readString(svg)).doesNotContain("data-quality-check, daily-backup")
                .doesNotContain("weekly-model-training, data-quality-check")
                .contains(">daily at 02:00 UTC: daily-data-ingestion, data-quality-check<")
                .contains("<title>daily-backup Mon 2026-11-30 03:00 UTC (paused)</title>");
    }

    @Test
    void everyClashIsListedHoweverMany() throws Exception {
        Path svg = tmp.resolve("prod31.svg");

        CliRun.of("timeline", "--stack", "prod", "--out", svg.toString(), "--from", "2026-11-30", "--days", "31");

        String picture = Files.readString(svg);
        Matcher m = Pattern.compile("(\\d+) minute\\(s\\) in which several active jobs start \\(red\\),"
                + " in (\\d+) pattern").matcher(picture);
        assertThat(m.find()).isTrue();
        long listed = picture.lines().filter(l -> l.startsWith("<text x=\"20\"")).count();
        assertThat(listed).isEqualTo(Long.parseLong(m.group(2)));
        assertThat(Long.parseLong(m.group(1))).isGreaterThan(200);
    }

    @Test
    void timelineWritesHtmlToo() throws Exception {
        Path html = tmp.resolve("dev.html");

        assertThat(CliRun.of("timeline", "--stack", "dev", "--out", html.toString()).exitCode()).isZero();
        assertThat(Files.readString(html)).startsWith("<!doctype html>").contains("<svg");
    }
}

package com.cqc.scheduler.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

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
    void timelineDrawsAWeekAndNamesTheMinutesWhereJobsCollide() throws Exception {
        Path svg = tmp.resolve("prod.svg");

        CliRun run = CliRun.of("timeline", "--stack", "prod", "--out", svg.toString(), "--from", "2026-11-30T12:00:00Z");

        assertThat(run.exitCode()).isZero();
        String picture = Files.readString(svg);
        assertThat(picture).startsWith("<svg").contains("prod: job starts in the UTC week of 2026-11-30")
                .contains("2026-11-30T03:00:00Z: data-quality-check, daily-backup")
                .doesNotContainPattern("fill=\"#d62728\">[^<]*dataflow-launch");
        assertThat(run.out()).contains("wrote " + svg);
    }

    @Test
    void timelineWritesHtmlToo() throws Exception {
        Path html = tmp.resolve("dev.html");

        assertThat(CliRun.of("timeline", "--stack", "dev", "--out", html.toString()).exitCode()).isZero();
        assertThat(Files.readString(html)).startsWith("<!doctype html>").contains("<svg");
    }
}

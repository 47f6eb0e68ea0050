package com.cqc.scheduler.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline as a reader sees it: rendered by headless Chromium, screenshots checked pixel by pixel
 * (marks in each colour, labels drawn, the picture fitted to the window) and the rendered DOM checked
 * for the labels, legend and clash list. The screenshots stay in target/screenshots/ for a look.
 */
class TimelineBrowserTest {
    private static final Path OUT = Path.of("target/screenshots");
    private static Chromium chromium;

    /** What a screenshot holds: pixels per colour class, and the rightmost column that is not white. */
    record Pixels(int blue, int red, int grey, int dark, int nonWhite, int rightmost, int width, int height) {
        static Pixels of(Path png) throws Exception {
            BufferedImage image = ImageIO.read(png.toFile());
            int blue = 0, red = 0, grey = 0, dark = 0, nonWhite = 0, rightmost = -1;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                    if (near(r, g, b, 0x1f, 0x77, 0xb4)) blue++;
                    if (near(r, g, b, 0xd6, 0x27, 0x28)) red++;
                    if (near(r, g, b, 0xb0, 0xb0, 0xb0)) grey++;
                    if (r < 60 && g < 60 && b < 60) dark++;
                    if (r < 240 || g < 240 || b < 240) {
                        nonWhite++;
                        rightmost = Math.max(rightmost, x);
                    }
                }
            }
            return new Pixels(blue, red, grey, dark, nonWhite, rightmost, image.getWidth(), image.getHeight());
        }

        private static boolean near(int r, int g, int b, int R, int G, int B) {
            return Math.abs(r - R) < 24 && Math.abs(g - G) < 24 && Math.abs(b - B) < 24;
        }

        /** A picture with marks of every kind and drawn text, not an empty page. */
        boolean drawn(boolean withPaused) {
            return blue > 200 && red > 200 && dark > 1000 && nonWhite > width * height / 50 && (!withPaused || grey > 100);
        }
    }

    @BeforeAll
    static void browser() throws Exception {
        Files.createDirectories(OUT);
        chromium = new Chromium(Files.createTempDirectory("chromium"));
    }

    private static Path timeline(String stack, String from) throws Exception {
        Path html = OUT.resolve("timeline-" + stack + ".html").toAbsolutePath();
        CliRun run = CliRun.of("timeline", "--stack", stack, "--from", from, "--out", html.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return html;
    }

    @Test
    void theProdWeekIsDrawnWithLabelsLegendAndEveryClash() throws Exception {
        Path page = timeline("prod", "2026-11-30");

        Pixels wide = Pixels.of(chromium.screenshot(page, 1400, 900, OUT.resolve("timeline-prod.png")));
        String dom = chromium.dumpDom(page);

        assertThat(wide.drawn(false)).as("a drawn picture: %s", wide).isTrue();
        assertThat(dom).contains("prod: job starts, Mon 2026-11-30 00:00 to Mon 2026-12-07 00:00 UTC")
                .contains(">Mon 11-30<").contains(">Sun 12-06<").contains(">00:00<").contains(">06:00<").contains(">18:00<")
                .contains(">job start<").contains(">starts in the same minute as another active job<")
                .contains(">daily at 03:00 UTC: data-quality-check, daily-backup<")
                .contains(">daily at 04:00, 08:00, 12:00, 16:00, 20:00 UTC: data-quality-check, cloudrun-trigger<")
                .contains("64 minute(s) in which several active jobs start (red), in 7 pattern(s)");
    }

    @Test
    void pausedJobsAreDrawnApartInGreyAndThePictureScalesToTheWindow() throws Exception {
        Path page = timeline("dev", "2026-11-30");

        Pixels wide = Pixels.of(chromium.screenshot(page, 1400, 800, OUT.resolve("timeline-dev-1400.png")));
        Pixels narrow = Pixels.of(chromium.screenshot(page, 900, 800, OUT.resolve("timeline-dev-900.png")));
        String dom = chromium.dumpDom(page);

        assertThat(wide.drawn(true)).as("a drawn picture with paused jobs: %s", wide).isTrue();
        assertThat(narrow.drawn(true)).as("still drawn when narrow: %s", narrow).isTrue();
        // The viewBox fits the picture to the window: it reaches near the right edge of either window, never past it.
        assertThat(wide.rightmost()).isBetween(1300, 1399);
        assertThat(narrow.rightmost()).isBetween(820, 899);
        assertThat(dom).contains("paused (no runs until resumed").contains(">dataflow-launch (7)<")
                .doesNotContain("dataflow-launch, ").doesNotContain(", dataflow-launch<");
    }

    @Test
    void theCheckFailsOnAnEmptyPictureOrOneWithoutLabels() throws Exception {
        Path empty = OUT.resolve("empty.html").toAbsolutePath();
        Files.writeString(empty, "<!doctype html><html><body><svg viewBox=\"0 0 100 50\"></svg></body></html>\n");
        Path page = timeline("prod", "2026-11-30");
        String unlabelled = Files.readString(page).replaceAll("<text[^>]*>[^<]*</text>", "");
        Path noLabels = OUT.resolve("no-labels.html").toAbsolutePath();
        Files.writeString(noLabels, unlabelled);

        Pixels blank = Pixels.of(chromium.screenshot(empty, 900, 600, OUT.resolve("empty.png")));
        Pixels bare = Pixels.of(chromium.screenshot(noLabels, 1400, 900, OUT.resolve("no-labels.png")));

        assertThat(blank.drawn(false)).as("%s", blank).isFalse();
        assertThat(bare.drawn(false)).as("marks but no text: %s", bare).isFalse();
        assertThat(bare.blue()).as("%s", bare).isGreaterThan(200);
        assertThat(bare.dark()).as("%s", bare).isLessThan(300);
    }
}

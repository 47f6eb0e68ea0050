package com.cqc.scheduler.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, run the way it works on a build machine as root: no sandbox, no GPU,
 * no network side traffic, a fresh profile per run. bin/test installs it when it is missing.
 */
final class Chromium {
    private final Path binary;
    private final Path work;

    Chromium(Path work) {
        String override = System.getenv("CHROMIUM");
        this.binary = Path.of(override == null || override.isBlank() ? "/usr/bin/chromium" : override);
        this.work = work;
        if (!Files.isExecutable(binary)) {
            throw new AssertionError("no Chromium at " + binary + ": bin/test installs Debian's package"
                    + " (apt-get install chromium), or set CHROMIUM to another binary");
        }
    }

    /** A screenshot of the page at the given window size. */
    Path screenshot(Path page, int width, int height, Path png) throws Exception {
        run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
                page.toUri().toString()));
        if (!Files.exists(png)) {
            throw new AssertionError("Chromium wrote no screenshot " + png);
        }
        return png;
    }

    /** The page's DOM after rendering, as HTML text. */
    String dumpDom(Path page) throws Exception {
        return run(List.of("--dump-dom", page.toUri().toString()));
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(work, "profile")));
        command.addAll(args);
        Path stdout = Files.createTempFile(work, "chromium", ".out");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 90 s: " + command);
        }
        return Files.readString(stdout);
    }
}

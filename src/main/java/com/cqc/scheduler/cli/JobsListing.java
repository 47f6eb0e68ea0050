package com.cqc.scheduler.cli;

import com.cqc.scheduler.adopt.CloudJobs;
import com.cqc.scheduler.config.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** The jobs the cloud holds, as a file the user got from gcloud or the REST API. */
final class JobsListing {
    @Option(names = "--from", required = true, paramLabel = "JOBS.json",
            description = "What `gcloud scheduler jobs list --location=L --format=json` printed (or a jobs.list response).")
    Path file;

    List<JsonNode> read() throws ConfigException {
        return CloudJobs.parse(Workspace.read(file, "--from"), file.getFileName().toString());
    }
}

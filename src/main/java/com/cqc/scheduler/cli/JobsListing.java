package com.cqc.scheduler.cli;

import com.cqc.scheduler.adopt.CloudJobs;
import com.cqc.scheduler.config.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Path;
import java.util.List;

/** The jobs the cloud holds, as a file the user got from gcloud or the REST API. */
record JobsListing(Path file) {
    static final Option FROM = Option.builder().longOpt("from").hasArg().argName("JOBS.json").required()
            .type(Path.class).converter(OptionTypes.PATH)
            .desc("What `gcloud scheduler jobs list --location=L --format=json` printed (or a jobs.list response).").get();

    static Options addTo(Options options) {
        return options.addOption(FROM);
    }

    static JobsListing of(Arguments args) {
        return new JobsListing(args.value(FROM, null));
    }

    List<JsonNode> read() throws ConfigException {
        return CloudJobs.parse(Workspace.read(file, "--from"), file.getFileName().toString());
    }
}

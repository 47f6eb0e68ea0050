package com.cqc.scheduler.cli;

import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.config.StackFile;
import com.cqc.scheduler.model.StackModel;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.time.Instant;

/** The project and the one stack a command works on. */
record StackOptions(Workspace workspace, String name) {
    static final Option STACK = Option.builder().longOpt("stack").hasArg().argName("STACK").required()
            .desc("dev, staging or prod.").get();

    static Options addTo(Options options) {
        return ProjectOptions.addTo(options).addOption(STACK);
    }

    static StackOptions of(Arguments args) {
        return new StackOptions(ProjectOptions.workspace(args), args.text(STACK));
    }

    /** The stack loaded and validated through the one loader. */
    StackModel load(Instant now) throws ConfigException {
        return workspace.load(name, now);
    }

    StackFile file() throws ConfigException {
        return workspace.stackFile(name);
    }
}

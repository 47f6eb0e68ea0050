package com.cqc.scheduler.cli;

import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.model.Problem;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The offline commands of the jar. The first argument names the command; only that command's options are built
 * and parsed (commons-cli, no reflection). Each prints either its result or one clear line per problem, and exits
 * with a code of {@link ExitCodes}; a user's mistake never shows a stack trace.
 */
public final class Cli {
    private Cli() {}

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Runs a command line with the given output streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Commands.Entry command = null;
        try {
            List<String> line = Arrays.asList(args);
            if (line.isEmpty()) {
                throw UsageException.commandLine("a command is required: " + String.join(", ", Commands.names()));
            }
            String first = line.get(0);
            if (first.startsWith("-")) {
                return beforeCommand(first, out);
            }
            command = Commands.named(first).orElseThrow(() -> UsageException.commandLine(ParseErrors.unknownCommand(first)));
            return run(command, line.subList(1, line.size()), out);
        } catch (UsageException e) {
            err.println("cqc: " + e.getMessage() + (e.pointsToHelp()
                    ? " (see: cqc " + (command == null ? "" : command.name() + " ") + "--help)" : ""));
            return ExitCodes.USAGE;
        } catch (ConfigException e) {
            for (Problem p : e.problems()) {
                err.println((p.isError() ? "error: " : "warning: ") + p);
            }
            return ExitCodes.INVALID_CONFIG;
        } catch (Exception e) {
            err.println("cqc: internal error, please report it with this output: " + e);
            e.printStackTrace(err);
            return ExitCodes.INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** {@code cqc --help} or {@code cqc --version}: any other option before a command is a mistake. */
    private static int beforeCommand(String option, PrintWriter out) {
        Option asked = Help.requested(List.of(option)).orElseThrow(() -> UsageException.commandLine(
                ParseErrors.unknownOption(option, Help.standard().getOptions())));
        return answer(asked, () -> Help.commands(out), out);
    }

    private static int run(Commands.Entry entry, List<String> args, PrintWriter out) throws Exception {
        Command command = entry.create().get();
        Options options = Help.standard(command.options());
        Optional<Option> asked = Help.requested(args);
        if (asked.isPresent()) {
            return answer(asked.get(), () -> Help.command(entry, options, out), out);
        }
        return command.run(Arguments.parse(options, args), out);
    }

    /** The help asked for, or the version. */
    private static int answer(Option asked, Runnable help, PrintWriter out) {
        if (asked == Help.HELP) {
            help.run();
        } else {
            out.println(Help.VERSION_TEXT);
        }
        return ExitCodes.OK;
    }
}

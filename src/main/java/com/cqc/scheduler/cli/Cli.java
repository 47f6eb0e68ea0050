package com.cqc.scheduler.cli;

import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.model.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The offline commands of the jar. Each prints either its result or one clear line per problem, and
 * exits with a code of {@link ExitCodes}; a user's mistake never shows a stack trace.
 */
@Command(name = "cqc", mixinStandardHelpOptions = true, version = "cqc-scheduler 1.0.0", scope = CommandLine.ScopeType.INHERIT,
        description = "Offline plan, validation and schedules of the CQC Cloud Scheduler stacks (no cloud credentials needed).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (warnings may be printed)", "1:invalid configuration", "2:usage error",
                "3:the cloud differs from the code (drift)", "70:internal error"})
public final class Cli implements Runnable {
    /** The commands, in the order {@code --help} lists them. */
    static final List<Class<?>> COMMANDS = List.of(PlanCommand.class, ValidateCommand.class, DiffCommand.class,
            NextRunsCommand.class, TimelineCommand.class, ImportCommand.class, DriftCommand.class, CheckCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Runs a command line with the given output streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Cli());
        for (Class<?> command : commandsFor(args)) {
            cli.addSubcommand(command);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.registerConverter(Instant.class, Cli::instant);
        cli.setParameterExceptionHandler((e, a) -> {
            String hint = e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()
                    ? "; did you mean '" + u.getSuggestions().get(0) + "'?" : "";
            String command = commandPath(e.getCommandLine());
            err.println("cqc: " + e.getMessage() + hint + " (see: cqc " + (command.isEmpty() ? "" : command + " ") + "--help)");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof UsageException) {
                err.println("cqc: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            if (e instanceof ConfigException config) {
                for (Problem p : config.problems()) {
                    err.println((p.isError() ? "error: " : "warning: ") + p);
                }
                return ExitCodes.INVALID_CONFIG;
            }
            err.println("cqc: internal error, please report it with this output: " + e);
            e.printStackTrace(err);
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }

    /**
     * The command named first on the line alone, or all of them (for help, suggestions and errors): picocli reads
     * a command's annotations by reflection when it is added, which was a fifth of a cold {@code plan} for all eight.
     */
    static List<Class<?>> commandsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                if (command.getAnnotation(Command.class).name().equals(args[0])) {
                    return List.of(command);
                }
            }
        }
        return COMMANDS;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not an ISO-8601 instant such as"
                    + " 2026-11-29T00:00:00Z");
        }
    }

    private static String commandPath(CommandLine c) {
        String name = c.getCommandSpec().qualifiedName(" ");
        return name.startsWith("cqc ") ? name.substring(4) : "";
    }
}

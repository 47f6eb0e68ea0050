package com.cqc.scheduler.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.help.HelpFormatter;
import org.apache.commons.cli.help.OptionFormatter;
import org.apache.commons.cli.help.TextHelpAppendable;
import org.apache.commons.cli.help.TextStyle;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code -h/--help} and {@code -V/--version} print. commons-cli's help package writes each synopsis from the
 * Options and wraps the text; the layout around them (a row per option or command, the exit codes) is ours.
 */
final class Help {
    static final Option HELP = Option.builder("h").longOpt("help").desc("Show this help message and exit.").get();
    static final Option VERSION = Option.builder("V").longOpt("version").desc("Print version information and exit.").get();
    static final String VERSION_TEXT = "cqc-scheduler 1.0.0";
    static final String DESCRIPTION = "Offline plan, validation and schedules of the CQC Cloud Scheduler stacks (no"
            + " cloud credentials needed).";
    private static final int WIDTH = 80;

    private final PrintWriter out;
    /** Options as {@code --stack=STACK}, sorted by name, groups as {@code [--all | --stack=STACK]}; made only for help. */
    private final HelpFormatter formatter = HelpFormatter.builder().setShowSince(false)
            .setOptionFormatBuilder(OptionFormatter.builder().setArgumentNameDelimiters("", "").setOptArgSeparator("="))
            .get();

    private Help(PrintWriter out) {
        this.out = out;
    }

    /** The options every command takes besides its own, and the only ones before a command. */
    static Options standard(Options options) {
        return options.addOption(HELP).addOption(VERSION);
    }

    static Options standard() {
        return standard(new Options());
    }

    /**
     * Help or the version when the line asks for either (before any {@code --}): they win over the rest of the line,
     * even over a missing required option, so {@code cqc plan --help} needs no {@code --stack}.
     */
    static Optional<Option> requested(List<String> args) {
        List<String> options = args.stream().takeWhile(a -> !a.equals("--")).toList();
        if (options.contains("-h") || options.contains("--help")) {
            return Optional.of(HELP);
        }
        return options.contains("-V") || options.contains("--version") ? Optional.of(VERSION) : Optional.empty();
    }

    /** {@code cqc --help}: the commands in their order, each with its description. */
    static void commands(PrintWriter out) {
        Help help = new Help(out);
        help.synopsis("Usage: cqc ", help.formatter.toSyntaxOptions(standard()) + " COMMAND [OPTIONS]");
        help.wrapped("", DESCRIPTION, 0);
        help.rows(help.optionRows(standard()));
        out.println("Commands:");
        help.rows(Commands.ALL.stream().map(c -> Map.entry(c.name(), c.description())).toList());
        help.exitCodes();
    }

    /** {@code cqc <command> --help}: its synopsis, description and every option it takes. */
    static void command(Commands.Entry command, Options options, PrintWriter out) {
        Help help = new Help(out);
        help.synopsis("Usage: cqc " + command.name() + " ", help.formatter.toSyntaxOptions(options));
        help.wrapped("", command.description(), 0);
        help.rows(help.optionRows(options));
        help.exitCodes();
    }

    private void synopsis(String usage, String options) {
        wrapped(usage, options, usage.length());
    }

    private List<Map.Entry<String, String>> optionRows(Options options) {
        return formatter.sort(options).stream().map(o -> Map.entry(label(o), o.getDescription())).toList();
    }

    /** {@code -h, --help} or {@code     --stack=STACK}: long names line up whether or not there is a short one. */
    private String label(Option option) {
        OptionFormatter names = formatter.getOptionFormatter(option);
        return (option.getOpt() == null ? "    " : names.getOpt() + ", ") + names.getLongOpt()
                + (option.hasArg() ? "=" + names.getArgName() : "");
    }

    private void exitCodes() {
        out.println();
        out.println("Exit codes:");
        ExitCodes.MEANINGS.forEach(m -> out.printf("  %-4s %s%n", m.getKey(), m.getValue()));
        out.flush();
    }

    /** Two columns, a name and its description, which wraps under itself a little indented. */
    private void rows(List<Map.Entry<String, String>> rows) {
        int width = rows.stream().mapToInt(r -> r.getKey().length()).max().orElse(0);
        for (Map.Entry<String, String> row : rows) {
            wrapped("  " + row.getKey() + " ".repeat(width - row.getKey().length() + 2), row.getValue(), width + 6);
        }
    }

    /**
     * {@code lead}, then {@code text} wrapped by commons-cli to the {@link #WIDTH} right of {@code indent}, where its
     * later lines start. The indent is added here, not by a TextStyle: commons-cli 1.11.0 drops it from a later line
     * that fills the width exactly (CLI-354, fixed after 1.11.0).
     */
    private void wrapped(String lead, String text, int indent) {
        StringBuilder wrapped = new StringBuilder();
        try {
            new TextHelpAppendable(wrapped).printWrapped(text, TextStyle.builder().setMaxWidth(WIDTH - indent)
                    .setLeftPad(0).setIndent(0).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = wrapped.toString().lines().toList();
        out.println(lead + lines.get(0));
        lines.subList(1, lines.size()).forEach(line -> out.println(" ".repeat(indent) + line));
    }
}

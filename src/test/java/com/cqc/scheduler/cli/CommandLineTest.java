package com.cqc.scheduler.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command's line, derived from the Options it declares, so an option added later is covered: each kind of
 * mistake is one line and exit 2, pointing to that command's help; the help lists every option with its description.
 */
class CommandLineTest {
    /** One wrong line for a command, and what its one line of error must say. */
    record Mistake(String command, List<String> args, String says) {
        @Override
        public String toString() {
            return "cqc " + command + " " + String.join(" ", args);
        }
    }

    private static Options options(Commands.Entry command) {
        return command.create().get().options();
    }

    /** Every required option with a value that parses: the line is otherwise right, so only the mistake added counts. */
    private static List<String> required(Options options) {
        List<String> args = new ArrayList<>();
        options.getRequiredOptions().forEach(key -> args.addAll(List.of("--" + options.getOption((String) key).getLongOpt(), "dev")));
        return args;
    }

    private static List<String> plus(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all;
    }

    private static boolean typed(Option option) {
        Object type = option.getType();
        return type == Integer.class || type == Instant.class || type instanceof Class<?> c && c.isEnum();
    }

    static Stream<Mistake> mistakes() {
        List<Mistake> all = new ArrayList<>();
        for (Commands.Entry command : Commands.ALL) {
            String name = command.name();
            Options options = options(command);
            List<String> ok = required(options);
            all.add(new Mistake(name, plus(ok, "--no-such-option"), "Unknown option: '--no-such-option'"));
            all.add(new Mistake(name, plus(ok, "stray"), "Unexpected argument: 'stray'"));
            for (Option option : options.getOptions()) {
                String flag = "--" + option.getLongOpt();
                // Two neighbours swapped: one edit away, so help names the option meant.
                String swapped = "--" + option.getLongOpt().charAt(1) + option.getLongOpt().charAt(0) + option.getLongOpt().substring(2);
                all.add(new Mistake(name, plus(ok, swapped), "Unknown option: '" + swapped + "'; did you mean '" + flag + "'?"));
                if (option.hasArg()) {
                    all.add(new Mistake(name, plus(ok, flag), "Missing required parameter for option '" + flag + "' (" + option.getArgName() + ")"));
                } else {
                    all.add(new Mistake(name, plus(ok, flag + "=yes"), "Option '" + flag + "' takes no value, but was given '" + flag + "=yes'"));
                }
                if (typed(option)) {
                    all.add(new Mistake(name, plus(ok, flag, "not-a-value"), "Invalid value for option '" + flag + "': "));
                }
                if (option.getArgs() == 1) {
                    all.add(new Mistake(name, plus(ok, flag, "dev", flag, "dev"), "option '" + flag + "' (" + option.getArgName()
                            + ") should be specified only once"));
                }
                if (option.isRequired()) {
                    List<String> without = new ArrayList<>(ok);
                    int at = without.indexOf(flag);
                    without.subList(at, at + 2).clear();
                    all.add(new Mistake(name, without, "Missing required option: '" + flag + "=" + option.getArgName() + "'"));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeIsOneLineThatPointsToTheCommandsHelp(Mistake mistake) {
        List<String> line = plus(List.of(mistake.command()), mistake.args().toArray(String[]::new));
        CliRun run = CliRun.of(line.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString().startsWith("cqc: " + mistake.says())
                .endsWith(" (see: cqc " + mistake.command() + " --help)");
    }

    @Test
    void theMistakesCoverEveryCommandAndKind() {
        List<Mistake> all = mistakes().toList();

        assertThat(all.stream().map(Mistake::command).distinct()).containsExactlyElementsOf(Commands.names());
        assertThat(all).extracting(Mistake::says).anyMatch(s -> s.startsWith("Invalid value for option '--from'"))
                .anyMatch(s -> s.startsWith("Invalid value for option '--runs'"))
                .anyMatch(s -> s.startsWith("Invalid value for option '--format'"))
                .anyMatch(s -> s.startsWith("Missing required option: '--stack=STACK'"))
                .anyMatch(s -> s.startsWith("Option '--dry-run' takes no value"))
                .anyMatch(s -> s.startsWith("option '--stack' (STACK) should be specified only once"));
    }

    @Test
    void aBadValueSaysWhatIsAllowed() {
        assertThat(CliRun.of("plan", "--stack", "dev", "--from", "soon").err()).isEqualTo("cqc: Invalid value for option"
                + " '--from': 'soon' is neither a date such as 2026-11-29 (midnight UTC) nor an ISO-8601 instant such as"
                + " 2026-11-29T06:30:00Z (see: cqc plan --help)\n");
        assertThat(CliRun.of("timeline", "--stack", "dev", "--out", "x.svg", "--days", "many").err())
                .isEqualTo("cqc: Invalid value for option '--days': 'many' is not an int (see: cqc timeline --help)\n");
        assertThat(CliRun.of("plan", "--stack", "dev", "--format", "JSON").err()).isEqualTo("cqc: Invalid value for option"
                + " '--format': expected one of [table, json] (case-sensitive) but was 'JSON' (see: cqc plan --help)\n");
    }

    @Test
    void missingOptionsAreNamedTogether() {
        assertThat(CliRun.of("diff").err())
                .isEqualTo("cqc: Missing required options: '--from=STACK', '--to=STACK' (see: cqc diff --help)\n");
        assertThat(CliRun.of("validate", "--all", "--stack", "dev").err()).isEqualTo("cqc: Options '--all' and '--stack'"
                + " are mutually exclusive (specify only one) (see: cqc validate --help)\n");
    }

    @Test
    void mistakesBeforeTheCommand() {
        assertThat(CliRun.of().err()).isEqualTo("cqc: a command is required: plan, validate, diff, next-runs, timeline,"
                + " import, drift, check (see: cqc --help)\n");
        assertThat(CliRun.of("nxet-runs").err()).isEqualTo("cqc: Unknown command: 'nxet-runs'; did you mean 'next-runs'?"
                + " (see: cqc --help)\n");
        assertThat(CliRun.of("--verison").err()).isEqualTo("cqc: Unknown option: '--verison'; did you mean '--version'?"
                + " (see: cqc --help)\n");
        assertThat(CliRun.of("-x", "plan").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void listValuesAreSplitAtCommasAndMayRepeat() {
        Options options = options(Commands.named("import").orElseThrow());
        Arguments args = Arguments.parse(options, List.of("--stack", "prod", "--from", "x.json", "--stacks", "dev,staging",
                "--stacks", "qa"));

        assertThat(args.values(options.getOption("stacks"))).containsExactly("dev", "staging", "qa");
    }

    @Test
    void optionsAreNotAbbreviated() {
        // commons-cli would take --form for --format by default: a typo must not pick an option silently.
        assertThat(CliRun.of("plan", "--stack", "dev", "--form", "json").err())
                .isEqualTo("cqc: Unknown option: '--form'; did you mean '--from'? (see: cqc plan --help)\n");
    }

    @Test
    void valuesAreTakenAsGiven() {
        Options options = options(Commands.named("diff").orElseThrow());
        Arguments args = Arguments.parse(options, List.of("--from", "\"dev\"", "--to=\"prod\""));

        assertThat(args.text(options.getOption("from"))).isEqualTo("\"dev\"");
        assertThat(args.text(options.getOption("to"))).isEqualTo("\"prod\"");
    }

    @Test
    void helpAndVersionWinOverTheRestOfTheLine() {
        for (String command : Commands.names()) {
            assertThat(CliRun.of(command, "--no-such-option", "-h").out()).as(command).startsWith("Usage: cqc " + command + " ");
            CliRun version = CliRun.of(command, "-V");
            assertThat(version.exitCode()).isZero();
            assertThat(version.out()).isEqualTo("cqc-scheduler 1.0.0\n");
        }
        assertThat(CliRun.of("--version").out()).isEqualTo("cqc-scheduler 1.0.0\n");
        assertThat(CliRun.of("plan", "--stack", "--", "--help").err()).startsWith("cqc: Missing required parameter for option '--stack'");
    }

    @ParameterizedTest(name = "cqc {0} --help")
    @MethodSource("commandNames")
    void eachCommandsHelpListsEveryOptionItTakes(String name) {
        Commands.Entry command = Commands.named(name).orElseThrow();
        CliRun run = CliRun.of(name, "--help");
        String help = words(run.out());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: cqc " + name + " ");
        assertThat(help).contains(words(command.description()));
        for (Option option : Help.standard(options(command)).getOptions()) {
            String label = (option.getOpt() == null ? "" : "-" + option.getOpt() + ", ") + "--" + option.getLongOpt()
                    + (option.hasArg() ? "=" + option.getArgName() : "");
            assertThat(help).as(label).contains(label + " " + words(option.getDescription()));
        }
        assertThat(run.out()).contains("\nExit codes:\n  0    done (warnings may be printed)\n").contains("\n  70   internal error\n");
        assertThat(run.out().lines()).allMatch(l -> l.length() <= 80 && !l.endsWith(" "));
    }

    static Stream<String> commandNames() {
        return Commands.names().stream();
    }

    @Test
    void theTopLevelHelpDescribesEveryCommand() {
        CliRun run = CliRun.of("--help");
        String help = words(run.out());

        assertThat(run.out()).startsWith("Usage: cqc ");
        for (Commands.Entry command : Commands.ALL) {
            assertThat(help).contains(" " + command.name() + " " + words(command.description()));
        }
        assertThat(help).contains("-h, --help Show this help message and exit.").contains("Exit codes: 0 done");
        assertThat(run.out().lines()).allMatch(l -> l.length() <= 80 && !l.endsWith(" "));
    }

    /** The text with its line breaks and indents as single spaces, so wrapping does not matter. */
    private static String words(String text) {
        return text.replaceAll("\\s+", " ");
    }
}

package com.cqc.scheduler.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One command's options as given, parsed by commons-cli. Before the command starts, each typed value is converted
 * (an option with a {@code type} other than String, by its converter), each option is given at most once (list
 * options aside) and nothing else is on the line: every such mistake is a {@link UsageException} pointing to help.
 */
final class Arguments {
    private final CommandLine line;
    private final Map<String, Object> typed;

    private Arguments(CommandLine line, Map<String, Object> typed) {
        this.line = line;
        this.typed = typed;
    }

    static Arguments parse(Options options, List<String> args) {
        CommandLine line;
        try {
            // As before: no abbreviations (--sta for --stack or --state), and values as given, quotes and all.
            line = DefaultParser.builder().setAllowPartialMatching(false).setStripLeadingAndTrailingQuotes(false).get()
                    .parse(options, args.toArray(String[]::new));
        } catch (ParseException e) {
            throw UsageException.commandLine(ParseErrors.describe(e, options));
        }
        if (!line.getArgList().isEmpty()) {
            throw UsageException.commandLine(ParseErrors.unexpected(line.getArgList()));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Option given : line.getOptions()) {
            if (seen.merge(given.getKey(), 1, Integer::sum) > 1 && given.getArgs() != Option.UNLIMITED_VALUES) {
                throw UsageException.commandLine(ParseErrors.repeated(given));
            }
        }
        Map<String, Object> typed = new HashMap<>();
        for (Option given : line.getOptions()) {
            if (given.getType() != String.class) {
                typed.put(given.getKey(), convert(line, given));
            }
        }
        return new Arguments(line, typed);
    }

    private static Object convert(CommandLine line, Option option) {
        try {
            return line.getParsedOptionValue(option);
        } catch (ParseException e) {
            String why = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            throw UsageException.commandLine(ParseErrors.invalidValue(option, why));
        }
    }

    boolean has(Option option) {
        return line.hasOption(option);
    }

    /** The text given for an untyped option, or null. */
    String text(Option option) {
        return line.getOptionValue(option);
    }

    /** A typed option's value, or {@code otherwise} when it was not given. */
    @SuppressWarnings("unchecked")
    <T> T value(Option option, T otherwise) {
        return (T) typed.getOrDefault(option.getKey(), otherwise);
    }

    /** Every value of a list option, over all its occurrences (its value separator splits each), or none. */
    List<String> values(Option option) {
        String[] values = line.getOptionValues(option);
        return values == null ? List.of() : Arrays.asList(values);
    }
}

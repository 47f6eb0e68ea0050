package com.cqc.scheduler.cli;

import com.cqc.scheduler.config.Suggest;
import org.apache.commons.cli.AlreadySelectedException;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.MissingOptionException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** What is wrong with a command line, in one line each: commons-cli's parse failures and the checks of {@link Arguments}. */
final class ParseErrors {
    private ParseErrors() {}

    static String describe(ParseException e, Options options) {
        if (e instanceof UnrecognizedOptionException unknown) {
            return unknownOption(unknown.getOption(), options.getOptions());
        }
        if (e instanceof MissingArgumentException missing) {
            return "Missing required parameter for option '" + name(missing.getOption()) + "' (" + missing.getOption().getArgName() + ")";
        }
        if (e instanceof MissingOptionException missing) {
            List<String> names = new ArrayList<>();
            for (Object key : missing.getMissingOptions()) {
                names.add("'" + (key instanceof OptionGroup group ? group.getOptions().stream().map(ParseErrors::withArgument)
                        .collect(Collectors.joining(" | ")) : withArgument(options.getOption((String) key))) + "'");
            }
            return "Missing required option" + (names.size() > 1 ? "s: " : ": ") + String.join(", ", names);
        }
        if (e instanceof AlreadySelectedException both) {
            return "Options '--" + both.getOptionGroup().getSelected() + "' and '" + name(both.getOption())
                    + "' are mutually exclusive (specify only one)";
        }
        return e.getMessage();
    }

    /**
     * An option no one declared, with the nearest long name when it looks misspelt (short names are too alike to
     * guess between); or a flag given a value, which commons-cli reports as unknown too.
     */
    static String unknownOption(String token, Collection<Option> known) {
        String given = token.contains("=") ? token.substring(0, token.indexOf('=')) : token;
        List<String> names = known.stream().filter(o -> o.getLongOpt() != null).map(o -> "--" + o.getLongOpt()).toList();
        if (!given.equals(token) && names.contains(given)) {
            return "Option '" + given + "' takes no value, but was given '" + token + "'";
        }
        return "Unknown option: '" + given + "'" + Suggest.nearest(given, names).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    static String unknownCommand(String name) {
        return "Unknown command: '" + name + "'" + Suggest.nearest(name, Commands.names()).map(s -> "; did you mean '" + s + "'?")
                .orElse("");
    }

    /** Words where only options belong: no command takes positional arguments. */
    static String unexpected(List<String> arguments) {
        return "Unexpected argument" + (arguments.size() > 1 ? "s: '" : ": '") + String.join("', '", arguments) + "'";
    }

    static String repeated(Option option) {
        return "option '" + name(option) + "'" + (option.hasArg() ? " (" + option.getArgName() + ")" : "") + " should be specified only once";
    }

    static String invalidValue(Option option, String why) {
        return "Invalid value for option '" + name(option) + "': " + why;
    }

    /** {@code --stack}, as the user types it. */
    static String name(Option option) {
        return option.getLongOpt() != null ? "--" + option.getLongOpt() : "-" + option.getOpt();
    }

    /** {@code --stack=STACK}. */
    private static String withArgument(Option option) {
        return name(option) + (option.hasArg() ? "=" + option.getArgName() : "");
    }
}

package com.cqc.scheduler.cli;

import org.apache.commons.cli.Converter;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/**
 * How a typed option's text becomes its value ({@code Option.Builder.type} and {@code converter}, read by
 * {@link Arguments}): a failure says what was given and what is allowed; Arguments names the option before it.
 */
final class OptionTypes {
    static final Converter<Integer, IllegalArgumentException> INT = text -> {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an int");
        }
    };
    static final Converter<Path, InvalidPathException> PATH = Path::of;
    /** An instant, or a date meaning its midnight UTC. */
    static final Converter<Instant, IllegalArgumentException> WHEN = When::parse;

    private OptionTypes() {}

    /** One of an enum's constants, by its exact name. */
    static <E extends Enum<E>> Converter<E, IllegalArgumentException> oneOf(Class<E> type) {
        return text -> Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("expected one of " + Arrays.toString(type.getEnumConstants())
                        + " (case-sensitive) but was '" + text + "'"));
    }
}

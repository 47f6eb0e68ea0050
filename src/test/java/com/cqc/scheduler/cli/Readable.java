package com.cqc.scheduler.cli;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What anyone can read from an output: its text, and the text of every base64 token in it (a body or
 * message is shown base64 in the JSON and in a change line), so a test catches a credential either way.
 */
final class Readable {
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{8,}={0,2}");

    private Readable() {}

    static String of(String output) {
        StringBuilder out = new StringBuilder(output);
        Matcher tokens = BASE64.matcher(output);
        while (tokens.find()) {
            if (tokens.group().length() % 4 == 0) {
                try {
                    out.append('\n').append(new String(Base64.getDecoder().decode(tokens.group()), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException notBase64) {
                    // a word that only looks like base64
                }
            }
        }
        return out.toString();
    }
}

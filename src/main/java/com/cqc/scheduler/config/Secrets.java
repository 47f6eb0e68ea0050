package com.cqc.scheduler.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What looks like a credential, so that no output (plan, diff, drift, import, errors) ever repeats one.
 * Header names are judged by what they usually carry (API keys, tokens, passwords, cookies); values by
 * the shape of well-known credentials and, for anything else, by being a long random-looking string.
 */
public final class Secrets {
    /** What is shown instead of a value that looks like a secret. */
    public static final String MASK = "[masked]";

    private static final Pattern CREDENTIAL_NAME = Pattern.compile(
            ".*(authorization|api-?key|apikey|token|secret|password|passwd|cookie|credential|session|signature"
                    + "|private-?key|access-?key|auth-?key).*");
    /** Well-known credential shapes: bearer/basic schemes, JWTs, Google, GitHub, Slack, AWS and PEM keys. */
    private static final Pattern KNOWN = Pattern.compile(
            "(?:Bearer|Basic|Token|Digest|bearer|basic)\\s+(?=\\S*[0-9=])[A-Za-z0-9._~+/=-]{8,}"
                    + "|eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"
                    + "|AIza[0-9A-Za-z_-]{30,}"
                    + "|ya29\\.[0-9A-Za-z_-]{10,}"
                    + "|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}"
                    + "|xox[abprs]-[A-Za-z0-9-]{10,}"
                    + "|(?:AKIA|ASIA)[0-9A-Z]{16}"
                    + "|-----BEGIN [A-Z ]*PRIVATE KEY-----[^-]*(?:-----END [A-Z ]*PRIVATE KEY-----)?");
    /** A word of 20+ characters without dots or slashes: a candidate for a random key. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9+_=-]{20,}");

    private Secrets() {}

    /** A header whose name says it carries a credential, whatever its spelling ({@code X-Goog-Api-Key}, {@code My_Token}). */
    public static boolean isCredentialHeader(String name) {
        String normal = name.toLowerCase(Locale.ROOT).replace('_', '-');
        return CREDENTIAL_NAME.matcher(normal).matches();
    }

    /** Whether the text holds a well-known credential shape (a bearer token, a Google API key, a JWT...). */
    public static boolean isKnownCredential(String text) {
        return text != null && KNOWN.matcher(text).find();
    }

    /** Whether the text holds something shaped like a credential. */
    public static boolean looksLikeSecret(String text) {
        return !mask(text).equals(text);
    }

    /** The text with every credential-shaped part replaced by {@link #MASK}. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String known = KNOWN.matcher(text).replaceAll(MASK);
        Matcher words = WORD.matcher(known);
        StringBuilder out = new StringBuilder();
        while (words.find()) {
            words.appendReplacement(out, Matcher.quoteReplacement(random(words.group()) ? MASK : words.group()));
        }
        words.appendTail(out);
        return out.toString();
    }

    /** Mixed-case letters and digits, or 32+ hex digits: how generated keys look, unlike names and words. */
    private static boolean random(String word) {
        String core = word.replaceAll("[+_=-]", "");
        boolean upper = core.chars().anyMatch(Character::isUpperCase);
        boolean lower = core.chars().anyMatch(Character::isLowerCase);
        boolean digit = core.chars().anyMatch(Character::isDigit);
        return (upper && lower && digit) || (digit && core.length() >= 32 && core.matches("[0-9a-fA-F]+"));
    }
}

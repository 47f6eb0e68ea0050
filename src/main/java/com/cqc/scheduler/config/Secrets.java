package com.cqc.scheduler.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What looks like a credential, so that no output (plan, diff, drift, import, errors) ever repeats one and the
 * loader takes none in plain config (P10). Header names are judged by what they usually carry (API keys, tokens,
 * passwords, cookies); values by the shape of well-known credentials and, for masking only, by being a long
 * random-looking string.
 */
public final class Secrets {
    /** What is shown instead of a value that looks like a secret. */
    public static final String MASK = "[masked]";

    private static final Pattern CREDENTIAL_NAME = Pattern.compile(
            ".*(authorization|api-?key|apikey|token|secret|password|passwd|cookie|credential|session|signature"
                    + "|private-?key|access-?key|auth-?key).*");

    /** A well-known credential shape and what it is called in messages. */
    private record Shape(String kind, Pattern pattern) {
        Shape(String kind, String regex) {
            this(kind, Pattern.compile(regex, Pattern.MULTILINE));
        }
    }

    /** Not glued to a letter or digit before it: {@code key=AIza...}, not the middle of a longer word. */
    private static final String START = "(?<![A-Za-z0-9])";
    /**
     * A scheme and its token where a header value would stand: the whole text or line, or after {@code :},
     * {@code =} or an opening quote or bracket, and ending the text, line or quoted value. "a basic 10-minute
     * check" is a sentence, not a credential.
     */
    private static final String SCHEME = "(?:^|(?<=[:=]\\s{0,4})|(?<=[\"'(\\[{,;]))(?:Bearer|Basic|Token|Digest|bearer|basic)"
            + "\\s+(?=\\S*[0-9=])[A-Za-z0-9._~+/=-]{8,}(?=\\s*$|[\"',;&)\\]}])";
    private static final List<Shape> SHAPES = List.of(
            new Shape("an Authorization credential (Bearer, Basic, Token or Digest)", SCHEME),
            new Shape("a JSON Web Token", START + "eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"),
            new Shape("a Google API key", START + "AIza[0-9A-Za-z_-]{30,}"),
            new Shape("a Google OAuth access token", START + "ya29\\.[0-9A-Za-z_-]{10,}"),
            new Shape("a GitHub token", START + "(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})"),
            new Shape("a Slack token", START + "xox[abprs]-[A-Za-z0-9-]{10,}"),
            new Shape("an AWS access key id", START + "(?:AKIA|ASIA)[0-9A-Z]{16}(?![0-9A-Z])"),
            new Shape("a password in a URL", "(?<=://[^\\s/?#@:]{1,256}:)[^\\s/?#@]+(?=@)"),
            new Shape("a private key", "-----BEGIN [A-Z ]*PRIVATE KEY-----[^-]*(?:-----END [A-Z ]*PRIVATE KEY-----)?"));
    /** Any of the shapes, for masking them all in one pass. */
    private static final Pattern KNOWN = Pattern.compile(SHAPES.stream().map(s -> "(?:" + s.pattern().pattern() + ")")
            .collect(Collectors.joining("|")), Pattern.MULTILINE);
    /** A word of 20+ characters without dots or slashes: a candidate for a random key. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9+_=-]{20,}");

    /** A well-known credential found in a text: what it looks like, and where it starts and ends. */
    public record Credential(String kind, int start, int end) {}

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

    /** The first well-known credential in the text (the earliest; of two at one place, the first shape listed). */
    public static Optional<Credential> knownCredential(String text) {
        if (!isKnownCredential(text)) {
            return Optional.empty();
        }
        Credential first = null;
        for (Shape shape : SHAPES) {
            Matcher m = shape.pattern().matcher(text);
            if (m.find() && (first == null || m.start() < first.start())) {
                first = new Credential(shape.kind(), m.start(), m.end());
            }
        }
        return Optional.ofNullable(first);
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

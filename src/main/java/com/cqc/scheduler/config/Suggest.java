package com.cqc.scheduler.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean": the known name nearest to a misspelt one, when it is near enough to be the intent. */
public final class Suggest {
    private Suggest() {}

    /** The candidate at the smallest edit distance (ignoring case), if at most a third of the input's length (min 2). */
    public static Optional<String> nearest(String input, Collection<String> candidates) {
        String lower = input.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, input.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= limit && !best.equals(input) ? Optional.of(best) : Optional.empty();
    }

    /** {@code " (did you mean 'x'?)"} or nothing. */
    public static String didYouMean(String input, Collection<String> candidates) {
        return nearest(input, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    /** Levenshtein distance, counting a swap of two neighbours as one edit (Damerau, optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

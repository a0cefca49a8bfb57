package org.probity.math;

import java.util.Locale;

/**
 * A count with its noun in the right number, for every report line that prints one: {@code 1 check},
 * {@code 2 checks}, {@code 0 checks}, {@code 1 property}, {@code 3 properties}. English makes the
 * plural of a count other than exactly one (zero included).
 */
public final class Counts {
    private Counts() {
    }

    /**
     * @param n        the count
     * @param singular the noun for one; its plural is the noun with {@code s} appended
     * @return {@code "n noun"} or {@code "n nouns"}, e.g. {@code of(1, "instance")} is {@code "1 instance"}
     */
    public static String of(long n, String singular) {
        return of(n, singular, singular + "s");
    }

    /**
     * @param n        the count
     * @param singular the noun for one
     * @param plural   the noun for any other count (an irregular plural: {@code "property", "properties"})
     * @return {@code "n singular"} when n is 1, {@code "n plural"} otherwise
     */
    public static String of(long n, String singular, String plural) {
        return String.format(Locale.ROOT, "%d %s", n, noun(n, singular, plural));
    }

    /**
     * @param n        the count
     * @param singular the noun for one
     * @param plural   the noun for any other count
     * @return the noun alone, for text that prints the count elsewhere ({@code "k of n checks"})
     */
    public static String noun(long n, String singular, String plural) {
        return n == 1 ? singular : plural;
    }
}

package org.probity.math;

import java.util.Locale;

/**
 * The argument checks that every layer shares, written so that NaN cannot slip through
 * ({@code !(x > 0 && x < ∞)} rather than {@code x <= 0}); each message names the parameter and its
 * value, formatted with {@link Locale#ROOT}. (As Commons RNG's {@code InternalUtils} and Commons
 * Statistics' {@code ArgumentUtils}: one home for the checks and their message templates.)
 */
public final class Arguments {
    /** The message of {@link #requireFinite}: the parameter's name, then its value. */
    public static final String MSG_FINITE = "%s: expected a finite number, got %s";
    /** The message of {@link #requirePositiveFinite}: the parameter's name, then its value. */
    public static final String MSG_POSITIVE = "%s: expected a finite number > 0, got %s";

    private Arguments() {
    }

    /**
     * @param name the parameter's name, as the message shows it
     * @param x the value
     * @throws IllegalArgumentException {@code "NAME: expected a finite number, got X"} when x is NaN or ±∞
     */
    public static void requireFinite(String name, double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_FINITE, name, x));
        }
    }

    /**
     * @param name the parameter's name, as the message shows it
     * @param x the value
     * @throws IllegalArgumentException {@code "NAME: expected a finite number > 0, got X"} unless 0 &lt; x &lt; ∞
     */
    public static void requirePositiveFinite(String name, double x) {
        if (!(x > 0 && x < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_POSITIVE, name, x));
        }
    }
}

package org.probity.conformance;

import java.util.Locale;

/**
 * How a conformance check runs: the seed that fixes every generated case, the number of cases per
 * property (each case a batch of up to 24 element-wise inputs), and the bound on shrink steps (each
 * a request to the implementation). Immutable; {@code withX} returns a copy.
 */
public final class CheckOptions {
    /** Cases per property when not told otherwise. */
    public static final int DEFAULT_TRIES = 100;
    /** Shrink candidates per finding when not told otherwise. */
    public static final int DEFAULT_SHRINK_STEPS = 300;
    private static final String MSG_POSITIVE = "%s: expected an integer >= 1, got %d";

    private final long seed;
    private final int tries;
    private final int maxShrinkSteps;

    private CheckOptions(long seed, int tries, int maxShrinkSteps) {
        this.seed = seed;
        this.tries = tries;
        this.maxShrinkSteps = maxShrinkSteps;
    }

    /**
     * Options with the given seed, {@link #DEFAULT_TRIES} and {@link #DEFAULT_SHRINK_STEPS}.
     *
     * @param seed any long
     */
    public static CheckOptions of(long seed) {
        return new CheckOptions(seed, DEFAULT_TRIES, DEFAULT_SHRINK_STEPS);
    }

    /**
     * A copy with {@code n} cases per property.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public CheckOptions withTries(int n) {
        if (!(n >= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_POSITIVE, "tries", n));
        }
        return new CheckOptions(seed, n, maxShrinkSteps);
    }

    /**
     * A copy that tries at most {@code n} shrink candidates per finding.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public CheckOptions withMaxShrinkSteps(int n) {
        if (!(n >= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_POSITIVE, "maxShrinkSteps", n));
        }
        return new CheckOptions(seed, tries, n);
    }

    /** A copy with another seed. */
    public CheckOptions withSeed(long s) {
        return new CheckOptions(s, tries, maxShrinkSteps);
    }

    public long seed() {
        return seed;
    }

    public int tries() {
        return tries;
    }

    public int maxShrinkSteps() {
        return maxShrinkSteps;
    }
}

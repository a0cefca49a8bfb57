package org.probity.conformance;

import java.util.Locale;

/**
 * The schedule lengths T an implementation accepts (PROTOCOL.md, {@code describe}'s optional
 * {@code "limits": {"min_T": a, "max_T": b}}): Probity generates no schedule, {@code beta_schedule}
 * request or timestep request outside {@code minSteps..maxSteps}, and reports the limits it was given.
 *
 * @param minSteps the smallest T, ≥ 1
 * @param maxSteps the largest T, ≥ {@code minSteps}
 */
public record StepLimits(int minSteps, int maxSteps) {
    /** No limits: every T ≥ 1. */
    public static final StepLimits NONE = new StepLimits(1, Integer.MAX_VALUE);
    private static final String MSG = "limits: expected 1 <= min_T <= max_T, got min_T = %d, max_T = %d";

    /**
     * @throws IllegalArgumentException unless {@code 1 <= minSteps <= maxSteps}
     */
    public StepLimits {
        if (!(minSteps >= 1 && minSteps <= maxSteps)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG, minSteps, maxSteps));
        }
    }

    /** Whether T lies within the limits. */
    public boolean contains(int steps) {
        return steps >= minSteps && steps <= maxSteps;
    }

    /** Whether these are the default limits (none declared). */
    public boolean isNone() {
        return equals(NONE);
    }

    @Override
    public String toString() {
        return maxSteps == Integer.MAX_VALUE ? "T >= " + minSteps : minSteps + " <= T <= " + maxSteps;
    }
}

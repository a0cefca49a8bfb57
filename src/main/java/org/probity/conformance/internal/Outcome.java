package org.probity.conformance.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one case of a conformance property found: its comparisons (the number of element-wise
 * evaluations it covered), or the error the implementation raised on it.
 */
public final class Outcome {
    private final List<Comparison> comparisons = new ArrayList<>();
    private final int points;
    private String error;

    /** An outcome for a case of {@code points} element-wise evaluations. */
    public Outcome(int points) {
        this.points = points;
    }

    /** An outcome that records the implementation's error on the case. */
    public static Outcome error(int points, String message) {
        Outcome o = new Outcome(points);
        o.error = message;
        return o;
    }

    /** Adds a comparison. */
    public Outcome add(Comparison c) {
        comparisons.add(c);
        return this;
    }

    /** The number of element-wise evaluations this case covered. */
    public int points() {
        return points;
    }

    /** The comparisons made. */
    public List<Comparison> comparisons() {
        return Collections.unmodifiableList(comparisons);
    }

    /** Whether every comparison holds and nothing raised. */
    public boolean passed() {
        return error == null && comparisons.stream().allMatch(Comparison::ok);
    }

    /** The error text, or null. */
    public String error() {
        return error;
    }

    /** The failing comparison that uses most of (or most exceeds) its tolerance, or null. */
    public Comparison worstFailure() {
        Comparison worst = null;
        for (Comparison c : comparisons) {
            if (!c.ok() && (worst == null || !(c.usage() <= worst.usage()))) {
                worst = c;
            }
        }
        return worst;
    }
}

package org.probity.conformance.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.probity.check.Verdict;

/**
 * What one case of a conformance property found: a verdict per compared number (the case covers
 * {@link #points()} element-wise evaluations), or the error the implementation raised on it.
 */
public final class Outcome {
    /** The text of an implementation's error on a valid input, before the error itself. */
    static final String RAISED = "the implementation raised an error on a valid input: ";

    private final List<Verdict> checks = new ArrayList<>();
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

    /** Adds the verdict on one compared number ({@link Comparison}). */
    public Outcome add(Verdict v) {
        checks.add(v);
        return this;
    }

    /** The number of element-wise evaluations this case covered. */
    public int points() {
        return points;
    }

    /** The verdicts, one per compared number. */
    public List<Verdict> checks() {
        return Collections.unmodifiableList(checks);
    }

    /** The error text, or null. */
    public String error() {
        return error;
    }

    /**
     * The case's verdict for the engine: a failure naming the implementation's error; else the
     * failing comparison that most exceeds its tolerance; else a pass.
     */
    public Verdict verdict() {
        if (error != null) {
            return Verdict.fail(RAISED + error);
        }
        Verdict worst = null;
        for (Verdict c : checks) {
            if (!c.passed() && (worst == null || !(Comparison.usage(c) <= Comparison.usage(worst)))) {
                worst = c;
            }
        }
        return worst == null ? Verdict.pass() : worst;
    }
}

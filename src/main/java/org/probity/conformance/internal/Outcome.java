package org.probity.conformance.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.probity.check.Verdict;

/**
 * What one case of a conformance property found: a verdict per compared number (the case covers
 * {@link #points()} element-wise evaluations), the numbers that the declared precision cannot
 * resolve for these inputs (not checkable, with the reason), or the error the implementation
 * raised on it.
 */
public final class Outcome {
    /** The text of an implementation's error on a valid input, before the error itself. */
    static final String RAISED = "the implementation raised an error on a valid input: ";
    /** The text of the verdict that stands for a case with numbers not checkable at the declared precision. */
    static final String NOT_CHECKABLE = "not checkable at the declared precision: ";

    /**
     * A compared number that the declared precision cannot resolve.
     *
     * @param comparison the comparison it would have been (both sides, the tolerance that would apply)
     * @param reason why it is not checkable
     */
    public record Unresolved(Verdict comparison, String reason) {
    }

    private final List<Verdict> checks = new ArrayList<>();
    private final List<Unresolved> unresolved = new ArrayList<>();
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

    /**
     * Adds the comparison when {@code r} says the declared precision can decide it, otherwise
     * records it as not checkable, with the reason.
     */
    public Outcome add(Resolution r, Verdict comparison) {
        if (r.checkable()) {
            return add(comparison);
        }
        unresolved.add(new Unresolved(comparison, r.reason()));
        return this;
    }

    /** The number of element-wise evaluations this case covered. */
    public int points() {
        return points;
    }

    /** The verdicts, one per compared number that could be decided. */
    public List<Verdict> checks() {
        return Collections.unmodifiableList(checks);
    }

    /** The compared numbers the declared precision cannot resolve. */
    public List<Unresolved> unresolved() {
        return Collections.unmodifiableList(unresolved);
    }

    /** The error text, or null. */
    public String error() {
        return error;
    }

    /**
     * The case's verdict for the engine: a failure naming the implementation's error; else the
     * failing comparison that most exceeds its tolerance; else a pass (numbers not checkable do not
     * fail a case).
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

    /**
     * A verdict that fails exactly when the case has numbers not checkable at the declared precision
     * (so that the engine can shrink to the simplest such input), naming the first one.
     */
    public Verdict unresolvedVerdict() {
        return unresolved.isEmpty() ? Verdict.pass()
            : Verdict.fail(NOT_CHECKABLE + unresolved.get(0).comparison().description() + ": " + unresolved.get(0).reason());
    }
}

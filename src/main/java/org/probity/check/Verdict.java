package org.probity.check;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.probity.check.internal.Failures;
import org.probity.math.Tolerance;

/**
 * The outcome of one try of a property: pass or fail, and for numeric relations both sides, their
 * difference and the tolerance, which every failure report prints.
 */
public final class Verdict {
    private static final Verdict PASS = new Verdict(true, null, Double.NaN, Double.NaN, null, null, Relation.EQUAL);
    /** A number in a description: the parameters of one condition, not a different condition. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    /** Which relation a numeric verdict compares. */
    private enum Relation { EQUAL, AT_MOST, AT_LEAST }

    private final boolean passed;
    private final String relation;
    private final double lhs;
    private final double rhs;
    private final Tolerance tolerance;
    private final String message;
    private final Relation kind;
    /** For a failure by a throw: the throwable's type and origin; null otherwise. */
    private final String origin;

    private Verdict(boolean passed, String relation, double lhs, double rhs, Tolerance tolerance, String message,
                    Relation kind) {
        this(passed, relation, lhs, rhs, tolerance, message, kind, null);
    }

    private Verdict(boolean passed, String relation, double lhs, double rhs, Tolerance tolerance, String message,
                    Relation kind, String origin) {
        this.passed = passed;
        this.relation = relation;
        this.lhs = lhs;
        this.rhs = rhs;
        this.tolerance = tolerance;
        this.message = message;
        this.kind = kind;
        this.origin = origin;
    }

    /** The property holds for this input. */
    public static Verdict pass() {
        return PASS;
    }

    /** The property fails for this input, for the reason given. */
    public static Verdict fail(String why) {
        return new Verdict(false, null, Double.NaN, Double.NaN, null, Objects.requireNonNull(why, "why"), Relation.EQUAL);
    }

    /**
     * The property fails because evaluating it threw {@code e} (an exception, an assertion error,
     * a stack overflow): the reason is the assertion's message, or for anything else
     * {@code threw Type: message at frame}. Two such failures are the same failure
     * ({@link #failureKind()}) when the type and the innermost frame outside the JDK and the test
     * frameworks are the same.
     */
    public static Verdict thrown(Throwable e) {
        Objects.requireNonNull(e, "e");
        String why = e instanceof AssertionError ? String.valueOf(e.getMessage()) : "threw " + Failures.describe(e);
        return new Verdict(false, null, Double.NaN, Double.NaN, null, why, Relation.EQUAL, Failures.origin(e));
    }

    /** The generator threw {@code e} before it built an input. */
    static Verdict generatorThrew(Throwable e) {
        return new Verdict(false, null, Double.NaN, Double.NaN, null, "the generator threw " + Failures.describe(e),
            Relation.EQUAL, "generator: " + Failures.origin(e));
    }

    /** Passes when {@code ok}; otherwise fails with {@code what} as the reason. */
    public static Verdict check(boolean ok, String what) {
        return ok ? PASS : fail(what);
    }

    /**
     * Compares two numbers for equality within a tolerance: passes when
     * {@code tol.accepts(rhs, lhs)} (the right side is taken as the expected value).
     *
     * @param relation what is compared, e.g. "H(p, q) = KL(p || q) + H(p)"
     * @param lhs the left side
     * @param rhs the right side
     * @param tol the tolerance
     */
    public static Verdict close(String relation, double lhs, double rhs, Tolerance tol) {
        Objects.requireNonNull(tol, "tol");
        return new Verdict(tol.accepts(rhs, lhs), relation, lhs, rhs, tol, null, Relation.EQUAL);
    }

    /** Passes when {@code lhs <= rhs}, or when they are equal within {@code tol} (the slack). */
    public static Verdict atMost(String relation, double lhs, double rhs, Tolerance tol) {
        Objects.requireNonNull(tol, "tol");
        boolean ok = !Double.isNaN(lhs) && !Double.isNaN(rhs) && (lhs <= rhs || tol.accepts(rhs, lhs));
        return new Verdict(ok, relation, lhs, rhs, tol, null, Relation.AT_MOST);
    }

    /** Passes when {@code lhs >= rhs}, or when they are equal within {@code tol} (the slack). */
    public static Verdict atLeast(String relation, double lhs, double rhs, Tolerance tol) {
        Objects.requireNonNull(tol, "tol");
        boolean ok = !Double.isNaN(lhs) && !Double.isNaN(rhs) && (lhs >= rhs || tol.accepts(rhs, lhs));
        return new Verdict(ok, relation, lhs, rhs, tol, null, Relation.AT_LEAST);
    }

    /**
     * Both verdicts: the first failure if either fails; otherwise the one whose numeric difference
     * uses the larger share of its tolerance (so reports show the tightest relation).
     */
    public Verdict and(Verdict other) {
        Objects.requireNonNull(other, "other");
        if (!passed) {
            return this;
        }
        if (!other.passed) {
            return other;
        }
        return other.usage() > usage() ? other : this;
    }

    /** All the verdicts, combined as by {@link #and}. */
    public static Verdict all(Verdict... verdicts) {
        Verdict v = PASS;
        for (Verdict x : verdicts) {
            v = v.and(x);
        }
        return v;
    }

    /**
     * Which failure this is, so that a run tells distinct failures apart and shrinking never slips
     * from one to another: for a throw ({@link #thrown}), its type and origin; otherwise the
     * description with every number replaced by {@code #} (numbers in a description, such as the
     * index at which a relation fails, parametrise one condition). Null for a passing verdict.
     */
    public String failureKind() {
        if (passed) {
            return null;
        }
        return origin != null ? origin : NUMBER.matcher(description()).replaceAll("#");
    }

    /** Whether the property held. */
    public boolean passed() {
        return passed;
    }

    /** Whether this verdict compares two numbers. */
    public boolean isNumeric() {
        return tolerance != null;
    }

    /**
     * Whether this verdict compares two numbers for equality within a tolerance ({@link #close}),
     * rather than for an inequality with slack ({@link #atMost}, {@link #atLeast}).
     */
    public boolean isEquality() {
        return tolerance != null && kind == Relation.EQUAL;
    }

    /** The left side, NaN when not numeric. */
    public double lhs() {
        return lhs;
    }

    /** The right side, NaN when not numeric. */
    public double rhs() {
        return rhs;
    }

    /**
     * The discrepancy: for an equality \( |lhs - rhs| \) (0 when both are the same infinity); for an
     * inequality, by how much it is violated (0 when it holds strictly, so a strict inequality with
     * an infinite side is no discrepancy); NaN when not numeric.
     */
    public double difference() {
        if (lhs == rhs) {
            return 0;
        }
        if (kind == Relation.AT_MOST && lhs < rhs || kind == Relation.AT_LEAST && lhs > rhs) {
            return 0;
        }
        return Math.abs(lhs - rhs);
    }

    /** The tolerance, null when not numeric. */
    public Tolerance tolerance() {
        return tolerance;
    }

    /** The relation's name, or the failure reason; may be null for a plain pass. */
    public String description() {
        return relation != null ? relation : message;
    }

    /**
     * The share of the tolerance the difference uses, {@code difference() / allowance()}: 0 for equal
     * sides, at most 1 exactly when the verdict passed, above 1 (or NaN for a NaN side) when it failed.
     */
    public double usage() {
        if (tolerance == null) {
            return 0;
        }
        double d = difference();
        if (d == 0) {
            return 0;
        }
        double allowed = allowance();
        return allowed > 0 ? d / allowed : Double.isNaN(d) ? Double.NaN : Double.POSITIVE_INFINITY;
    }

    /**
     * The difference the tolerance allows for these two sides ({@link Tolerance#allowance}, the right
     * side taken as expected), the number the pass/fail decision compared with; NaN when not numeric.
     */
    public double allowance() {
        return tolerance == null ? Double.NaN : tolerance.allowance(rhs, lhs);
    }

    /** A multi-line rendering for failure reports. */
    public String render() {
        if (tolerance == null) {
            return passed ? "holds" : message;
        }
        return String.format(Locale.ROOT,
            "%s%n  left side:  %s%n  right side: %s%n  difference: %s%n  tolerance:  %s (allows %s here)",
            relation, lhs, rhs, difference(), tolerance, allowance());
    }

    @Override
    public String toString() {
        return (passed ? "PASS " : "FAIL ") + render();
    }
}

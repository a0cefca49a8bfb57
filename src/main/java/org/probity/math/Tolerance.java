package org.probity.math;

import java.util.Locale;
import java.util.Objects;

/**
 * How far an actual value may lie from an expected one: a value type that is printed with every
 * failure. Made from named rules, never from a bare literal at the point of use.
 *
 * <ul>
 *   <li>{@link #ulps(long)}: at most {@code n} representable doubles apart ({@link Ulps#distance});</li>
 *   <li>{@link #absolute(double)}: {@code |actual - expected| <= eps};</li>
 *   <li>{@link #relative(double)}: {@code |actual - expected| <= eps * max(|actual|, |expected|)};</li>
 *   <li>{@link #or(Tolerance)}: either holds (the usual "relative, or absolute near zero").</li>
 * </ul>
 *
 * <p>Every tolerance accepts two equal infinities and rejects NaN on either side.
 */
public final class Tolerance {
    /** Unit roundoff of binary64, \( 2^{-53} \). */
    public static final double UNIT_ROUNDOFF = 0x1.0p-53;
    /** Unit roundoff of binary32, \( 2^{-24} \). */
    public static final double UNIT_ROUNDOFF_FLOAT = 0x1.0p-24;

    private static final String MSG_BAD = "%s: expected a finite number >= 0, got %s";

    private enum Kind { ULPS, ABSOLUTE, RELATIVE, EITHER }

    private final Kind kind;
    private final double amount;
    private final Tolerance left;
    private final Tolerance right;
    private final String rule;

    private Tolerance(Kind kind, double amount, Tolerance left, Tolerance right, String rule) {
        this.kind = kind;
        this.amount = amount;
        this.left = left;
        this.right = right;
        this.rule = rule;
    }

    /**
     * At most {@code n} ulps apart.
     *
     * @param n a number of ulps, {@code >= 0}
     * @return the tolerance
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public static Tolerance ulps(long n) {
        if (n < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_BAD, "ulps", n));
        }
        return new Tolerance(Kind.ULPS, n, null, null, null);
    }

    /**
     * At most {@code eps} apart in absolute value.
     *
     * @param eps a finite number {@code >= 0}
     * @return the tolerance
     * @throws IllegalArgumentException if {@code eps} is negative, infinite or NaN
     */
    public static Tolerance absolute(double eps) {
        return new Tolerance(Kind.ABSOLUTE, requireAmount("absolute", eps), null, null, null);
    }

    /**
     * At most {@code eps} times the larger magnitude apart.
     *
     * @param eps a finite number {@code >= 0}
     * @return the tolerance
     * @throws IllegalArgumentException if {@code eps} is negative, infinite or NaN
     */
    public static Tolerance relative(double eps) {
        return new Tolerance(Kind.RELATIVE, requireAmount("relative", eps), null, null, null);
    }

    /**
     * The rule "{@code ulps} rounding errors, amplified by the condition number {@code condition}":
     * relative \( \text{ulps} \cdot u \cdot \kappa \) with \( u = 2^{-53} \).
     *
     * @param ulps a number of rounding errors the computation commits, {@code >= 0}
     * @param condition the condition estimate \( \kappa \ge 1 \) (values below 1 are taken as 1)
     * @return the tolerance, named after the rule
     */
    public static Tolerance conditioned(double ulps, double condition) {
        requireAmount("ulps", ulps);
        requireAmount("condition", condition);
        double k = Math.max(1, condition);
        return relative(ulps * UNIT_ROUNDOFF * k)
            .named(fmt(ulps) + " ulps x condition " + fmt(k));
    }

    /** Either this tolerance or {@code other} holds. */
    public Tolerance or(Tolerance other) {
        Objects.requireNonNull(other, "other");
        return new Tolerance(Kind.EITHER, 0, this, other, null);
    }

    /** A copy that carries the name of the rule it comes from, printed by {@link #toString()}. */
    public Tolerance named(String ruleName) {
        Objects.requireNonNull(ruleName, "ruleName");
        return new Tolerance(kind, amount, left, right, ruleName);
    }

    /**
     * Whether {@code actual} is within this tolerance of {@code expected}.
     *
     * @return true when accepted; false when either is NaN
     */
    public boolean accepts(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return false;
        }
        if (expected == actual) {
            return true;
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return false;
        }
        switch (kind) {
            case ULPS:
                return Ulps.distance(expected, actual) <= amount;
            case ABSOLUTE:
                return Math.abs(actual - expected) <= amount;
            case RELATIVE:
                return Math.abs(actual - expected) <= amount * Math.max(Math.abs(actual), Math.abs(expected));
            default:
                return left.accepts(expected, actual) || right.accepts(expected, actual);
        }
    }

    /**
     * The absolute difference this tolerance allows around {@code expected}, for reports.
     *
     * @param expected the expected value
     * @return the largest allowed \( |actual - expected| \) (approximate for ulps: {@code n * ulp(expected)})
     */
    public double allowance(double expected) {
        switch (kind) {
            case ULPS:
                return amount * Math.ulp(expected);
            case ABSOLUTE:
                return amount;
            case RELATIVE:
                return amount * Math.abs(expected);
            default:
                return Math.max(left.allowance(expected), right.allowance(expected));
        }
    }

    @Override
    public String toString() {
        String body;
        switch (kind) {
            case ULPS:
                body = fmt(amount) + " ulps";
                break;
            case ABSOLUTE:
                body = "absolute " + fmt(amount);
                break;
            case RELATIVE:
                body = "relative " + fmt(amount);
                break;
            default:
                body = left + " or " + right;
        }
        return rule == null ? body : body + " [" + rule + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tolerance)) {
            return false;
        }
        Tolerance t = (Tolerance) o;
        return kind == t.kind && Double.compare(amount, t.amount) == 0 && Objects.equals(left, t.left)
            && Objects.equals(right, t.right) && Objects.equals(rule, t.rule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, amount, left, right, rule);
    }

    private static double requireAmount(String name, double eps) {
        if (!(eps >= 0 && eps < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_BAD, name, eps));
        }
        return eps;
    }

    private static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : String.format(Locale.ROOT, "%.3g", x);
    }
}

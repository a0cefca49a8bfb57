package org.probity.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How far an actual value may lie from an expected one: a value type that is printed with every
 * failure. Made from named rules ({@link Tolerances}), never from a bare literal at the point of use.
 *
 * <ul>
 *   <li>{@link #ulps(long)}: at most {@code n} representable doubles apart ({@link Ulps#distance});</li>
 *   <li>{@link #absolute(double)}: {@code |actual - expected| <= eps};</li>
 *   <li>{@link #relative(double)}: {@code |actual - expected| <= eps * max(|actual|, |expected|)};</li>
 *   <li>{@link #or(Tolerance)}: either holds (the usual "relative, or absolute near zero").</li>
 * </ul>
 *
 * <p><b>One decision.</b> {@link #accepts} is {@code difference(expected, actual) <= allowance(expected,
 * actual)}, with {@link #difference} and {@link #allowance} the methods that reports print: a report's
 * "difference / allowance" is at most 1 exactly when the tolerance accepts.
 *
 * <p><b>Non-finite values.</b> NaN on either side is never accepted (its difference is NaN). Two
 * equal values, including the same infinity, are always accepted (difference 0). Otherwise, when
 * either side is infinite, the difference is \( +\infty \) and the allowance finite: rejected.
 */
public final class Tolerance {
    /** Unit roundoff of binary64, \( 2^{-53} \) ({@link FloatFormat#FLOAT64}). */
    public static final double UNIT_ROUNDOFF = FloatFormat.FLOAT64.unitRoundoff();
    /** Unit roundoff of binary32, \( 2^{-24} \) ({@link FloatFormat#FLOAT32}). */
    public static final double UNIT_ROUNDOFF_FLOAT = FloatFormat.FLOAT32.unitRoundoff();

    private static final String MSG_BAD = "%s: expected a finite number >= 0, got %s";

    /** What a tolerance compares: its rule's shape, for callers that treat the shapes differently. */
    public enum Kind {
        /** At most n representable doubles apart. */
        ULPS,
        /** At most a fixed distance apart. */
        ABSOLUTE,
        /** At most a fraction of the larger magnitude apart. */
        RELATIVE,
        /** Either of two tolerances ({@link #or}); see {@link #alternatives()}. */
        EITHER
    }

    private final Kind kind;
    private final double amount;
    private final Tolerance left;
    private final Tolerance right;
    /** The rule's name: a String, a {@code Supplier<String>} formatted when read, or null. */
    private final Object rule;

    private Tolerance(Kind kind, double amount, Tolerance left, Tolerance right, Object rule) {
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
     * relative \( \text{ulps} \cdot u \cdot \kappa \) with \( u = 2^{-53} \); the same as
     * {@link Tolerances#conditioned(double, double)} but for a condition that is a constant of the
     * caller, so that a non-finite one is a programming error rather than a measured instance.
     *
     * @param ulps a number of rounding errors the computation commits, {@code >= 0}
     * @param condition the condition estimate \( \kappa \ge 1 \) (values below 1 are taken as 1)
     * @return the tolerance, named after the rule
     * @throws IllegalArgumentException if either argument is negative, infinite or NaN
     */
    public static Tolerance conditioned(double ulps, double condition) {
        requireAmount("ulps", ulps);
        requireAmount("condition", condition);
        return Tolerances.conditioned(ulps, condition);
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
     * As {@link #named(String)}, with the name built only when it is read ({@link #ruleName()},
     * {@link #toString()}, {@link #equals}): for tolerances made per evaluated point, where formatting
     * numbers into every name cost a fifth of {@code probity verify}'s time and almost every name is
     * never printed. The supplier must be pure (it may be called several times).
     */
    public Tolerance named(java.util.function.Supplier<String> ruleName) {
        Objects.requireNonNull(ruleName, "ruleName");
        return new Tolerance(kind, amount, left, right, ruleName);
    }

    private String rule() {
        return rule instanceof java.util.function.Supplier<?> f ? Objects.requireNonNull((String) f.get(), "ruleName")
            : (String) rule;
    }

    /**
     * Whether {@code actual} is within this tolerance of {@code expected}: whether
     * {@code difference(expected, actual) <= allowance(expected, actual)}.
     *
     * @return true when accepted; false when either is NaN
     */
    public boolean accepts(double expected, double actual) {
        return difference(expected, actual) <= allowance(expected, actual);
    }

    /**
     * The difference every tolerance measures: \( |actual - expected| \), 0 when the two are equal
     * (including the same infinity and {@code -0.0 == 0.0}), NaN when either is NaN, and
     * \( +\infty \) when they are different infinities or one side is infinite.
     *
     * @param expected the expected value
     * @param actual the actual value
     * @return the difference
     */
    public static double difference(double expected, double actual) {
        return expected == actual ? 0 : Math.abs(actual - expected);
    }

    /**
     * The largest \( |actual - expected| \) this tolerance accepts for this pair: the number reports
     * print and the number {@link #accepts} compares with, so the two never disagree.
     *
     * <ul>
     *   <li>ulps(n): the distance from {@code expected} to the double n steps from it towards
     *   {@code actual} ({@link Ulps#step}); for n up to \( 2^{50} \) the decision is exactly
     *   {@code Ulps.distance(expected, actual) <= n};</li>
     *   <li>absolute(eps): eps;</li>
     *   <li>relative(eps): \( \text{eps} \cdot \max(|actual|, |expected|) \);</li>
     *   <li>either: the larger allowance of the two.</li>
     * </ul>
     *
     * @param expected the expected value
     * @param actual the actual value
     * @return the allowance, {@code >= 0}. When either value is infinite or NaN an absolute rule still
     *     allows its eps, while a relative or ulps rule allows 0 (the magnitude it scales with is not
     *     finite); the difference is then NaN or \( +\infty \), so only an identical value passes
     */
    public double allowance(double expected, double actual) {
        if (!(Double.isFinite(expected) && Double.isFinite(actual))) {
            return switch (kind) {
                case ABSOLUTE -> amount;
                case EITHER -> Math.max(left.allowance(expected, actual), right.allowance(expected, actual));
                default -> 0;
            };
        }
        switch (kind) {
            case ULPS:
                double towards = Ulps.step(expected, actual >= expected ? (long) amount : -(long) amount);
                return Math.abs(towards - expected);
            case ABSOLUTE:
                return amount;
            case RELATIVE:
                return amount * Math.max(Math.abs(actual), Math.abs(expected));
            default:
                return Math.max(left.allowance(expected, actual), right.allowance(expected, actual));
        }
    }

    /** The shape of this tolerance's rule. */
    public Kind kind() {
        return kind;
    }

    /**
     * The rules this tolerance accepts with, in the order they were combined: the two sides of every
     * {@link #or} flattened, or this tolerance alone when it is not an {@link Kind#EITHER}.
     *
     * @return an unmodifiable list of tolerances of kind ULPS, ABSOLUTE or RELATIVE
     */
    public List<Tolerance> alternatives() {
        List<Tolerance> out = new ArrayList<>();
        collect(out);
        return List.copyOf(out);
    }

    private void collect(List<Tolerance> out) {
        if (kind == Kind.EITHER) {
            left.collect(out);
            right.collect(out);
        } else {
            out.add(this);
        }
    }

    /**
     * The parameter of a single rule: n for ulps, eps for absolute and relative; NaN for
     * {@link Kind#EITHER}.
     */
    public double amount() {
        return kind == Kind.EITHER ? Double.NaN : amount;
    }

    /** The name of the rule this tolerance comes from ({@link #named}), if it was given one. */
    public Optional<String> ruleName() {
        return Optional.ofNullable(rule());
    }

    @Override
    public String toString() {
        String body;
        switch (kind) {
            case ULPS:
                body = fmt(amount) + (amount == 1 ? " ulp" : " ulps");
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
        String name = rule();
        return name == null ? body : body + " [" + name + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tolerance)) {
            return false;
        }
        Tolerance t = (Tolerance) o;
        return kind == t.kind && Double.compare(amount, t.amount) == 0 && Objects.equals(left, t.left)
            && Objects.equals(right, t.right) && Objects.equals(rule(), t.rule());
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, amount, left, right, rule());
    }

    private static double requireAmount(String name, double eps) {
        if (!(eps >= 0 && eps < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_BAD, name, eps));
        }
        return eps;
    }

    static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : String.format(Locale.ROOT, "%.3g", x);
    }
}

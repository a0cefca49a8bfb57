package org.probity.conformance.internal;

import java.util.Locale;
import org.probity.check.Verdict;
import org.probity.conformance.Precision;
import org.probity.math.Tolerance;
import org.probity.math.Ulps;

/**
 * Conformance's vocabulary over the engine's {@link Verdict}: a number the implementation answered
 * (the left side) set against what it should be (the right side: Probity's reference, or the
 * implementation's own answers for a self-consistency property), and how a finding prints it. The
 * pass rule is the verdict's.
 */
public final class Comparison {
    /** Ulps beyond a factor of 2 (2^52 ulps) measure a wrong value, not an inaccurate one. */
    private static final long MEANINGFUL_ULPS = 1L << 52;
    private Comparison() {
    }

    /**
     * {@code actual} equals {@code expected} within {@code tolerance}.
     *
     * @param quantity what the number is, with its index in the batch, e.g. {@code "variance[3]"}
     */
    public static Verdict of(String quantity, double actual, double expected, Tolerance tolerance) {
        return Verdict.close(quantity, actual, expected, tolerance);
    }

    /** One-sided: {@code actual >= bound}, or below it by no more than the tolerance allows. */
    public static Verdict atLeast(String quantity, double actual, double bound, Tolerance tolerance) {
        return Verdict.atLeast(quantity + " >= " + fmt(bound), actual, bound, tolerance);
    }

    /**
     * The share of its tolerance a comparison uses, {@link Verdict#usage()} (the allowance that decided
     * pass or fail): at most 1 exactly when it passes; ∞ for a NaN side.
     */
    public static double usage(Verdict v) {
        double u = v.usage();
        return Double.isNaN(u) ? Double.POSITIVE_INFINITY : u;
    }

    /**
     * Whether the ulp distance measures accuracy: a two-sided comparison under a relative
     * (conditioned) rule, both sides finite and of the same sign, fewer than 2^52 ulps apart (closer
     * than a factor of 2). Under an absolute rule (sums that may cancel to near 0, values accepted
     * because they lie below the normal range) an ulp count says nothing and is not reported.
     */
    static boolean ulpsMeaningful(Verdict v) {
        double a = v.lhs();
        double e = v.rhs();
        return v.isEquality() && v.tolerance() != null && Double.isFinite(e) && Double.isFinite(a) && (a == e || Math.signum(a) == Math.signum(e))
            && v.tolerance().alternatives().get(0).kind() == Tolerance.Kind.RELATIVE && Ulps.distance(e, a) < MEANINGFUL_ULPS;
    }

    /**
     * Whether the comparison was accepted by its relative rule, the one whose ulps measure accuracy
     * (a value accepted only as below the normal range is not counted in "max ulps").
     */
    static boolean acceptedByRelativeRule(Verdict v) {
        return ulpsMeaningful(v) && v.tolerance().alternatives().get(0).accepts(v.rhs(), v.lhs());
    }

    /**
     * The error in ulps of the declared format (float32 ulps for a float32 implementation), counted
     * only for expected values in the format's normal range.
     */
    static long ulpsIn(Precision p, Verdict v) {
        double e = v.rhs();
        if (p == Precision.FLOAT32) {
            if (!(Math.abs(e) >= Float.MIN_NORMAL && Math.abs(e) <= Float.MAX_VALUE)) {
                return 0;
            }
            float a = (float) v.lhs();
            if (Float.isNaN(a)) {
                return Long.MAX_VALUE;
            }
            return Math.abs(orderedFloat(a) - orderedFloat((float) e));
        }
        return Math.abs(e) >= Double.MIN_NORMAL ? Ulps.distance(e, v.lhs()) : 0;
    }

    private static long orderedFloat(float x) {
        int bits = Float.floatToRawIntBits(x);
        return bits >= 0 ? bits : (long) Integer.MIN_VALUE - bits;
    }

    /**
     * One line: quantity, the implementation's answer, the other side named for what it is (Probity's
     * reference, or the implementation's own answers for a property of the implementation alone),
     * the difference (with ulps where they measure accuracy) and the tolerance.
     *
     * @param v the comparison
     * @param reference whether the right side is Probity's reference
     * @param p the declared precision: ulps are counted in its format ({@link #ulpsIn}), as the
     *     "max ulps" column counts them
     */
    public static String render(Verdict v, boolean reference, Precision p) {
        String ulps = !ulpsMeaningful(v) ? ""
            : p == Precision.FLOAT32 ? String.format(Locale.ROOT, " (%d ulps of float32)", ulpsIn(p, v))
            : String.format(Locale.ROOT, " (%d ulps)", Ulps.distance(v.rhs(), v.lhs()));
        return String.format(Locale.ROOT, "%s: implementation %s, %s %s, difference %s%s, tolerance %s",
            v.description(), fmt(v.lhs()), reference ? "reference" : "from its own answers", fmt(v.rhs()), fmt(difference(v)),
            ulps, v.tolerance());
    }

    /** |actual − expected|, or NaN / ∞ when either side is (for a one-sided comparison too). */
    static double difference(Verdict v) {
        return v.lhs() == v.rhs() ? 0 : Math.abs(v.lhs() - v.rhs());
    }

    static String fmt(double x) {
        return Double.isNaN(x) || Double.isInfinite(x) ? Double.toString(x) : String.format(Locale.ROOT, "%.17g", x)
            .replaceFirst("0+(e|$)", "$1").replaceFirst("\\.(e|$)", ".0$1");
    }
}

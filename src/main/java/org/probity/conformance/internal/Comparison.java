package org.probity.conformance.internal;

import java.util.Locale;
import org.probity.math.Tolerance;
import org.probity.math.Ulps;

/**
 * One number the implementation answered, set against what it should be: the expected value (from
 * Probity's reference, or from the implementation's own answers for a self-consistency property),
 * the difference and the tolerance, with the error in ulps and the share of the tolerance used.
 *
 * @param quantity what the number is, with its index in the batch, e.g. {@code "variance[3]"}
 * @param actual the implementation's answer
 * @param expected what it should be
 * @param tolerance the allowed deviation (named rule)
 * @param ok whether the tolerance accepts the answer
 * @param oneSided whether {@code expected} is a lower bound rather than a value
 */
public record Comparison(String quantity, double actual, double expected, Tolerance tolerance, boolean ok, boolean oneSided) {

    /** Compares {@code actual} with {@code expected} under {@code tolerance}. */
    public static Comparison of(String quantity, double actual, double expected, Tolerance tolerance) {
        return new Comparison(quantity, actual, expected, tolerance, tolerance.accepts(expected, actual), false);
    }

    /** A one-sided comparison: {@code actual >= bound} up to the tolerance's allowance. */
    public static Comparison atLeast(String quantity, double actual, double bound, Tolerance tolerance) {
        boolean ok = actual >= bound - tolerance.allowance(bound, actual);
        return new Comparison(quantity + " >= " + fmt(bound), actual, bound, tolerance, ok && !Double.isNaN(actual), true);
    }

    /** |actual − expected|, or NaN / ∞ when either side is. */
    public double difference() {
        if (actual == expected) {
            return 0;
        }
        return Math.abs(actual - expected);
    }

    /** The error in ulps of the expected value (saturates at Long.MAX_VALUE). */
    public long ulps() {
        return Ulps.distance(expected, actual);
    }

    /**
     * Whether the ulp distance says something: a two-sided comparison under a relative (conditioned)
     * rule with a finite expected value. Under an absolute rule (sums that may cancel to near 0) an
     * ulp count of a tiny result is meaningless and is not reported.
     */
    public boolean ulpsMeaningful() {
        return !oneSided && Double.isFinite(expected) && tolerance.alternatives().get(0).kind() == Tolerance.Kind.RELATIVE;
    }

    /** |actual − expected| divided by the tolerance's allowance: ≤ 1 passes; ∞ for NaN. */
    public double usage() {
        if (oneSided) {
            return ok ? 0 : Double.isNaN(actual) ? Double.POSITIVE_INFINITY : (expected - actual) / tolerance.allowance(expected, actual);
        }
        double d = difference();
        if (d == 0) {
            return 0;
        }
        if (!(d < Double.POSITIVE_INFINITY)) {
            return Double.POSITIVE_INFINITY;
        }
        double allow = tolerance.allowance(expected, actual);
        return allow > 0 ? d / allow : Double.POSITIVE_INFINITY;
    }

    /** One line: quantity, both sides, difference, tolerance. */
    public String render() {
        return String.format(Locale.ROOT, "%s: implementation %s, expected %s, difference %s (%s ulps), tolerance %s",
            quantity, fmt(actual), fmt(expected), fmt(difference()), ulps() == Long.MAX_VALUE ? "∞" : Long.toString(ulps()), tolerance);
    }

    static String fmt(double x) {
        return Double.isNaN(x) || Double.isInfinite(x) ? Double.toString(x) : String.format(Locale.ROOT, "%.17g", x)
            .replaceFirst("0+(e|$)", "$1").replaceFirst("\\.(e|$)", ".0$1");
    }
}

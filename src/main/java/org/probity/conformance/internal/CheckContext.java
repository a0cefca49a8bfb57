package org.probity.conformance.internal;

import org.probity.conformance.Implementation;
import org.probity.conformance.Precision;
import org.probity.math.Tolerance;

/**
 * The implementation under test, the precision it declared, and the tolerance rules derived from
 * it. Every tolerance is {@link #ROUNDINGS} rounding errors at the declared unit roundoff, amplified
 * by a condition estimate (relative rule) or spread over the magnitudes of the terms that are
 * summed (absolute rule): a correct implementation commits a handful of roundings per operation, a
 * bug an error of the size of the quantity.
 *
 * @param impl the implementation under test
 * @param precision its declared precision
 */
public record CheckContext(Implementation impl, Precision precision) {
    /** Rounding errors allowed per conditioned quantity: a few operations of a few ulps each. */
    public static final double ROUNDINGS = 16;

    /** Relative: {@link #ROUNDINGS} u × κ (or below the declared format's normal range, see {@link #underflow}). */
    public Tolerance rel(double kappa) {
        return underflow(precision.conditioned(ROUNDINGS, finite(kappa)));
    }

    /** Absolute: {@link #ROUNDINGS} u × scale (the sum of the magnitudes of the terms). */
    public Tolerance abs(double scale) {
        return underflow(precision.onScale(ROUNDINGS, finite(scale)));
    }

    /**
     * Also accepts a difference below {@link #ROUNDINGS} × the smallest normal number of the declared
     * format: values the format cannot represent to full precision (ᾱ_t of a long schedule, an input
     * like 1e-70 in float32) are its range, not its arithmetic.
     */
    private Tolerance underflow(Tolerance t) {
        return t.or(Tolerance.absolute(ROUNDINGS * minNormal()).named("below the " + precision.wireName() + " normal range"));
    }

    /**
     * For a quantity proportional to √ᾱ (a mean √ᾱ_t x_0, a posterior coefficient on x_0):
     * {@code tol} or an absolute {@link #ROUNDINGS} × √(smallest normal) × {@code scale}, because an
     * implementation that forms ᾱ_t before its square root loses it to underflow below the normal
     * range, where √ᾱ_t is still representable.
     */
    public Tolerance orSqrtUnderflow(Tolerance tol, double scale) {
        return tol.or(Tolerance.absolute(ROUNDINGS * Math.sqrt(minNormal()) * scale)
            .named("alpha_bar below the " + precision.wireName() + " normal range"));
    }

    private double minNormal() {
        return precision == Precision.FLOAT32 ? Float.MIN_NORMAL : Double.MIN_NORMAL;
    }

    /**
     * The smallest ᾱ_t at which x̂_0 = (x_t − √(1 − ᾱ_t) ε) / √ᾱ_t is defined in the declared format:
     * the smallest positive normal number.
     */
    public double smallestAlphaBar() {
        return precision == Precision.FLOAT32 ? Float.MIN_NORMAL : Double.MIN_NORMAL;
    }

    /** For log-variances: absolute {@link #ROUNDINGS} u κ (= relative error of the variance) or relative. */
    public Tolerance logOf(double kappaOfVariance, double logValue) {
        return abs(kappaOfVariance).or(rel(1));
    }

    private static double finite(double x) {
        return x < Double.MAX_VALUE / 1e3 ? Math.max(x, 1) : Double.MAX_VALUE / 1e3;
    }
}

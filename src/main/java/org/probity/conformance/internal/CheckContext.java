package org.probity.conformance.internal;

import org.probity.conformance.Implementation;
import org.probity.conformance.Precision;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;

/**
 * The implementation under test, the precision it declared, and the tolerance rules derived from
 * it: the rules of {@link Tolerances} at the declared {@link Precision#format()}, with
 * {@link #ROUNDINGS} rounding errors, amplified by a condition estimate (relative rule) or spread
 * over the magnitudes of the terms that are summed (absolute rule), each also accepting a difference
 * below the format's normal range. A correct implementation commits a handful of roundings per
 * operation, a bug an error of the size of the quantity.
 *
 * @param impl the implementation under test
 * @param precision its declared precision
 */
public record CheckContext(Implementation impl, Precision precision) {
    /** Rounding errors allowed per conditioned quantity: a few operations of a few ulps each. */
    public static final double ROUNDINGS = 16;

    /** Relative: {@link Tolerances#conditioned} with {@link #ROUNDINGS} and κ, or below the normal range. */
    public Tolerance rel(double kappa) {
        return underflow(Tolerances.conditioned(precision.format(), ROUNDINGS, kappa));
    }

    /** Absolute: {@link Tolerances#roundedSum} with {@link #ROUNDINGS} and the sum of the magnitudes of the terms, or below the normal range. */
    public Tolerance abs(double magnitude) {
        return underflow(Tolerances.roundedSum(precision.format(), ROUNDINGS, magnitude));
    }

    /**
     * Also accepts a difference below {@link #ROUNDINGS} × the smallest normal number of the declared
     * format ({@link Tolerances#belowNormalRange}): values the format cannot represent to full
     * precision (ᾱ_t of a long schedule, an input like 1e-70 in float32) are its range, not its
     * arithmetic.
     */
    private Tolerance underflow(Tolerance t) {
        return t.or(Tolerances.belowNormalRange(precision.format(), ROUNDINGS));
    }

    /**
     * For a quantity proportional to √ᾱ (a mean √ᾱ_t x_0, a posterior coefficient on x_0):
     * {@code tol} or {@link Tolerances#squareRootBelowNormalRange} with {@link #ROUNDINGS} and the
     * factor {@code magnitude}, because an implementation that forms ᾱ_t before its square root loses
     * it to underflow below the normal range, where √ᾱ_t is still representable.
     */
    public Tolerance orSqrtUnderflow(Tolerance tol, double magnitude) {
        return tol.or(Tolerances.squareRootBelowNormalRange(precision.format(), ROUNDINGS, magnitude));
    }

    /**
     * The smallest ᾱ_t at which x̂_0 = (x_t − √(1 − ᾱ_t) ε) / √ᾱ_t is defined in the declared format:
     * the smallest positive normal number.
     */
    public double smallestAlphaBar() {
        return precision.format().minNormal();
    }

    /** For log-variances: absolute {@link #ROUNDINGS} u κ (= relative error of the variance) or relative. */
    public Tolerance logOf(double kappaOfVariance, double logValue) {
        return abs(kappaOfVariance).or(rel(1));
    }
}

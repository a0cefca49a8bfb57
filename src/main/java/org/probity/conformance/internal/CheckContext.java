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

    /** Relative: {@link #ROUNDINGS} u × κ. */
    public Tolerance rel(double kappa) {
        return precision.conditioned(ROUNDINGS, finite(kappa));
    }

    /** Absolute: {@link #ROUNDINGS} u × scale (the sum of the magnitudes of the terms). */
    public Tolerance abs(double scale) {
        return precision.onScale(ROUNDINGS, finite(scale));
    }

    /** For log-variances: absolute {@link #ROUNDINGS} u κ (= relative error of the variance) or relative. */
    public Tolerance logOf(double kappaOfVariance, double logValue) {
        return abs(kappaOfVariance).or(rel(1));
    }

    private static double finite(double x) {
        return x < Double.MAX_VALUE / 1e3 ? Math.max(x, 1) : Double.MAX_VALUE / 1e3;
    }
}

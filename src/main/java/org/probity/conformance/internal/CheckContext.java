package org.probity.conformance.internal;

import org.probity.conformance.Implementation;
import org.probity.conformance.Precision;
import java.util.Locale;
import java.util.function.Supplier;
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
    /**
     * The largest relative error that conditioning may excuse: at {@link #ROUNDINGS} u κ ≥ 1/2 a
     * quantity computed in the declared format may have no correct bit, so a tolerance that large
     * would accept almost anything (a variance clamped to 0, a log-variance 1000 nats off). Such a
     * comparison is not checkable at that precision for those inputs ({@link #resolution}).
     */
    public static final double MAX_EXCUSED_RELATIVE_ERROR = 0.5;
    private static final String MSG_UNRESOLVED = "%s: %d u(%s) x condition %.3g = %.3g >= 1/2, so %s arithmetic cannot "
        + "resolve this quantity for these inputs";

    /**
     * Whether the declared format resolves a quantity of condition number {@code kappa}: a verdict
     * when {@link #ROUNDINGS} u κ &lt; {@link #MAX_EXCUSED_RELATIVE_ERROR}, otherwise "not checkable at
     * this precision" with the reason. A NaN or infinite κ is not resolved.
     *
     * @param kappa the condition number the comparison's tolerance is derived from
     * @param region the inputs in words, e.g. {@code "1 - alpha_bar_t = 1.0e-09"} (built only when needed)
     * @return the resolution
     */
    public Resolution resolution(double kappa, Supplier<String> region) {
        double excused = ROUNDINGS * precision.unitRoundoff() * Math.max(1, kappa);
        if (excused < MAX_EXCUSED_RELATIVE_ERROR) {
            return Resolution.CHECKABLE;
        }
        String f = precision.wireName();
        return Resolution.notCheckable(String.format(Locale.ROOT, MSG_UNRESOLVED, region.get(), (long) ROUNDINGS, f,
            kappa, excused, f));
    }

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
        // the range alternative once: abs(..).or(rel(..)) would print "below the normal range" twice
        return underflow(Tolerances.roundedSum(precision.format(), ROUNDINGS, kappaOfVariance)
            .or(Tolerances.conditioned(precision.format(), ROUNDINGS, 1)));
    }
}

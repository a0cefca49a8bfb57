package org.probity.math;

import java.util.Locale;

/**
 * The named tolerance rules every check in Probity draws from (DESIGN.md, numerics policy): the
 * rounding error of a sum, a conditioned computation, values below the normal range, and a
 * statistical bound. Each returns a {@link Tolerance} named after its rule; a caller may rename it
 * ({@link Tolerance#named}) to say where its parameters come from.
 *
 * <p><b>Arguments.</b> A number of roundings {@code c} is a constant of the rule: it must be finite
 * and {@code >= 0}, otherwise {@link IllegalArgumentException}. A magnitude M, a condition number κ
 * and a statistical bound are measured on the instance at hand, so every double is accepted, by one
 * policy:
 * <ul>
 *   <li><b>below 1, including 0:</b> a magnitude or a condition number counts as 1. The rules bound
 *   absolute errors of quantities of order one or more (log-densities, KLs, entropies in nats, sums
 *   of probabilities), whose resolution is a few u even when the terms summed are small; κ &lt; 1 is
 *   not a condition number.</li>
 *   <li><b>infinite or NaN:</b> the allowance is 0, so only an identical value (the same infinity)
 *   passes. A magnitude is infinite or NaN only when a term or an input is, and then no rounding
 *   bound exists: the comparison itself decides, and the report shows the values rather than a
 *   tolerance that would accept anything.</li>
 *   <li><b>overflow:</b> when \( c\,u\,M \) overflows, likewise 0.</li>
 * </ul>
 * A statistical bound below 0 is refused (it is a bug of the estimator); an infinite or NaN bound
 * follows the second rule.
 *
 * <p>Source of the rounding rules: Higham, <i>Accuracy and Stability of Numerical Algorithms</i>
 * (2nd ed., 2002), §2.2 (the model \( fl(x \circ y) = (x \circ y)(1 + \delta) \), \( |\delta| \le u \))
 * and §4.2 (a sum's error is at most \( (n-1)\,u \sum |x_i| + O(u^2) \)).
 */
public final class Tolerances {
    private static final String MSG_ROUNDINGS = "%s: expected a finite number >= 0, got %s";
    private static final String MSG_STEP = "step: expected a finite number > 0, got %s";
    private static final String MSG_TRUNCATION = "truncation: expected a number >= 0, got %s";
    private static final String MSG_BOUND = "bound: expected a number >= 0 (or infinite or NaN), got %s";

    private Tolerances() {
    }

    /**
     * Rounding of a sum in binary64: absolute \( c \cdot 2^{-53} \cdot \max(1, M) \); see
     * {@link #roundedSum(FloatFormat, double, double)}.
     */
    public static Tolerance roundedSum(double roundings, double magnitude) {
        return roundedSum(FloatFormat.FLOAT64, roundings, magnitude);
    }

    /**
     * Rounding of a sum: a quantity computed as a sum (or a chain of sums and products) whose terms
     * have absolute values adding up to {@code magnitude}, with at most {@code roundings} rounding
     * errors per unit of magnitude: absolute \( c\,u\,\max(1, M) \). Use it where the result may
     * cancel to near 0 (a KL near 0, a log-likelihood ratio), where a relative rule cannot apply.
     *
     * @param format the arithmetic the quantity was computed in
     * @param roundings c, finite, {@code >= 0}
     * @param magnitude M, the sum of the absolute values of the terms (policy in the class comment)
     * @return the absolute tolerance, named "c u(format) x magnitude M"
     * @throws IllegalArgumentException if {@code roundings} is negative, infinite or NaN
     */
    public static Tolerance roundedSum(FloatFormat format, double roundings, double magnitude) {
        requireRoundings("roundings", roundings);
        double amount = roundings * format.unitRoundoff() * atLeastOne(magnitude);
        return Tolerance.absolute(finiteOrZero(amount))
            .named(() -> String.format(Locale.ROOT, "%s u(%s) x magnitude %.3g", fmt(roundings), format, magnitude));
    }

    /**
     * Rounding of a sum in binary64, amplified by a condition number: absolute
     * \( c \cdot 2^{-53} \cdot \max(1, \kappa) \cdot \max(1, M) \), for a sum whose terms come from a
     * linear solve (Cholesky factors, Schur complements) with condition estimate κ.
     *
     * @param roundings c, finite, {@code >= 0}
     * @param condition κ (policy in the class comment)
     * @param magnitude M (policy in the class comment)
     * @return the absolute tolerance, named "c u(float64) x condition κ x magnitude M"
     * @throws IllegalArgumentException if {@code roundings} is negative, infinite or NaN
     */
    public static Tolerance conditionedSum(double roundings, double condition, double magnitude) {
        requireRoundings("roundings", roundings);
        double amount = roundings * FloatFormat.FLOAT64.unitRoundoff() * atLeastOne(condition) * atLeastOne(magnitude);
        return Tolerance.absolute(finiteOrZero(amount)).named(() -> String.format(Locale.ROOT,
            "%s u(float64) x condition %.3g x magnitude %.3g", fmt(roundings), condition, magnitude));
    }

    /** Conditioning in binary64: relative \( c \cdot 2^{-53} \cdot \max(1, \kappa) \); see {@link #conditioned(FloatFormat, double, double)}. */
    public static Tolerance conditioned(double roundings, double condition) {
        requireRoundings("ulps", roundings);
        return relativeRule(FloatFormat.FLOAT64, roundings, condition)
            .named(fmt(roundings) + " ulps x condition " + fmt(atLeastOne(condition)));
    }

    /**
     * Conditioning: a computation that commits {@code roundings} rounding errors, amplified by the
     * condition number κ of the problem: relative \( c\,u\,\max(1, \kappa) \) (Higham §1.6: relative
     * forward error \( \lesssim \kappa \times \) backward error).
     *
     * @param format the arithmetic the quantity was computed in
     * @param roundings c, finite, {@code >= 0}
     * @param condition κ (policy in the class comment)
     * @return the relative tolerance, named "c u(format) x condition κ"
     * @throws IllegalArgumentException if {@code roundings} is negative, infinite or NaN
     */
    public static Tolerance conditioned(FloatFormat format, double roundings, double condition) {
        requireRoundings("roundings", roundings);
        return relativeRule(format, roundings, condition).named(() -> String.format(Locale.ROOT, "%s u(%s) x condition %.3g",
            fmt(roundings), format, atLeastOne(condition)));
    }

    /**
     * Below the normal range: absolute \( c \times \) the format's smallest normal number. Values in
     * the subnormal range carry an absolute error of up to half the smallest subnormal per operation
     * rather than a relative one; {@code or} this with a relative rule for quantities that may
     * underflow.
     *
     * @param format the arithmetic
     * @param roundings c, finite, {@code >= 0}
     * @return the absolute tolerance, named "below the format normal range"
     * @throws IllegalArgumentException if {@code roundings} is negative, infinite or NaN
     */
    public static Tolerance belowNormalRange(FloatFormat format, double roundings) {
        requireRoundings("roundings", roundings);
        return Tolerance.absolute(roundings * format.minNormal()).named("below the " + format + " normal range");
    }

    /**
     * Below the normal range, through a square root: absolute
     * \( c \sqrt{\text{smallest normal}} \max(1, M) \), for a quantity \( \sqrt{x} \cdot m \) with
     * \( |m| \le M \) where x was formed in the format and may have fallen below its normal range
     * (a subnormal or flushed x carries an absolute error up to the smallest normal, so \( \sqrt{x} \)
     * one up to its square root, although \( \sqrt{x} \) itself is far above the normal range).
     * {@code or} it with the rule for the normal range.
     *
     * @param format the arithmetic
     * @param roundings c, finite, {@code >= 0}
     * @param magnitude M, the factor multiplying the square root (policy in the class comment)
     * @return the absolute tolerance, named "square root below the format normal range x magnitude M"
     * @throws IllegalArgumentException if {@code roundings} is negative, infinite or NaN
     */
    public static Tolerance squareRootBelowNormalRange(FloatFormat format, double roundings, double magnitude) {
        requireRoundings("roundings", roundings);
        double amount = roundings * Math.sqrt(format.minNormal()) * atLeastOne(magnitude);
        return Tolerance.absolute(finiteOrZero(amount)).named(() -> String.format(Locale.ROOT,
            "square root below the %s normal range x magnitude %.3g", format, magnitude));
    }

    /**
     * A statistical bound plus rounding, in binary64: absolute \( \text{bound} + c \cdot
     * \mathrm{ulp}(\text{value}) \), for comparing an estimate (Monte Carlo, quadrature) with the
     * exact value it estimates; the bound is the estimator's declared error at its false-alarm rate.
     *
     * @param bound the estimator's error bound, {@code >= 0} (infinite or NaN: policy in the class comment)
     * @param roundings c, the ulps of {@code value} that computing the exact value may cost, finite, {@code >= 0}
     * @param value the exact (closed-form) value compared
     * @param method what the bound is, e.g. "Hoeffding at 1e-9"
     * @return the absolute tolerance, named after {@code method}
     * @throws IllegalArgumentException if {@code bound} is negative or {@code roundings} invalid
     */
    public static Tolerance statistical(double bound, double roundings, double value, String method) {
        requireRoundings("roundings", roundings);
        if (bound < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_BOUND, bound));
        }
        double amount = bound + (Double.isFinite(value) ? roundings * Math.ulp(value) : 0);
        return Tolerance.absolute(finiteOrZero(amount)).named(method);
    }

    /**
     * A finite-difference derivative in binary64: absolute \( \text{truncation} + c \cdot 2^{-53}
     * \cdot \max(1, M) / h \). A difference quotient \( (f(x + h) - f(x - h)) / 2h \) of values
     * computed with absolute error \( c\,u\,M / 2 \) each carries the rounding error
     * \( c\,u\,M / h \) on top of its truncation error (for the central difference
     * \( h^2 \max|f^{(3)}| / 6 \); Higham §1.14 for the trade-off).
     *
     * @param step h, finite, {@code > 0}
     * @param truncation the truncation error bound, {@code >= 0} (infinite or NaN: policy in the class comment)
     * @param roundings c, finite, {@code >= 0}
     * @param magnitude M, the magnitude of the function values differenced (policy in the class comment)
     * @return the absolute tolerance, named "truncation + c u M / h"
     * @throws IllegalArgumentException if {@code step} is not finite and positive, {@code truncation}
     *     is negative or {@code roundings} is invalid
     */
    public static Tolerance differenceQuotient(double step, double truncation, double roundings, double magnitude) {
        requireRoundings("roundings", roundings);
        if (!(step > 0 && step < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_STEP, step));
        }
        if (truncation < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_TRUNCATION, truncation));
        }
        double amount = truncation + roundings * FloatFormat.FLOAT64.unitRoundoff() * atLeastOne(magnitude) / step;
        return Tolerance.absolute(finiteOrZero(amount)).named(() -> String.format(Locale.ROOT,
            "truncation %.3g + %s u x magnitude %.3g / h, h = %.3g", truncation, fmt(roundings), magnitude, step));
    }

    private static Tolerance relativeRule(FloatFormat format, double roundings, double condition) {
        return Tolerance.relative(finiteOrZero(roundings * format.unitRoundoff() * atLeastOne(condition)));
    }

    /** The magnitude policy: below 1 (and 0) counts as 1; infinite and NaN become +∞ (allowance 0). */
    private static double atLeastOne(double x) {
        if (!Double.isFinite(x)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(1, x);
    }

    /** The non-finite policy: an allowance that is not a finite number allows nothing. */
    private static double finiteOrZero(double amount) {
        return Double.isFinite(amount) ? amount : 0;
    }

    private static void requireRoundings(String name, double c) {
        if (!(c >= 0 && c < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_ROUNDINGS, name, c));
        }
    }

    private static String fmt(double x) {
        return Tolerance.fmt(x);
    }
}

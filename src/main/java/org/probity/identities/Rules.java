package org.probity.identities;

import org.probity.check.Verdict;
import org.probity.math.NeumaierSum;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;

/** The named tolerance rules of the chain and D3PM identities. */
final class Rules {
    /**
     * Probabilities from compensated sums of products of at most T + 1 factors: each product carries
     * at most (T + 1) u relative error and the compensated sum adds 2u, so 16 ulps covers T <= 6 with
     * room; near 0 an absolute 64 u (sums of K^(T+1) <= 4096 terms below 1).
     */
    static final Tolerance PROBABILITY = Tolerance.ulps(16).or(Tolerances.roundedSum(64, 1))
        .named("probabilities: 16 ulps, or 64 u absolute");

    private Rules() {
    }

    /**
     * Sums of log-probability terms: 32 (T + 1) K^2 roundings of the magnitude
     * \( M = \mathbb{E}[\sum |\log q| + |\log p|] \) (the DP sums (T + 1) K^2 terms each carrying a
     * few roundings; the absolute error of a sum is bounded by the sum of absolute values). An infinite
     * magnitude (a path q takes that p forbids) allows nothing: both sides are then +∞
     * ({@link Tolerances}' policy).
     */
    static Tolerance logSum(int k, int steps, double magnitude) {
        return Tolerances.roundedSum(32.0 * (steps + 1) * k * k, magnitude)
            .named("32 (T+1) K^2 roundings x magnitude of the log terms");
    }

    /**
     * \( \sum_{x_0 : w(x_0) > 0} w(x_0)\, m(x_0) \): the magnitude of an expectation over
     * \( x_0 \sim w \), with \( 0 \cdot \infty = 0 \) (a state the data never takes contributes
     * nothing, even where p forbids its paths).
     */
    static double expectedMagnitude(double[] weights, double[] magnitude) {
        NeumaierSum s = NeumaierSum.create();
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                s.add(weights[i] * magnitude[i]);
            }
        }
        return s.sum();
    }

    /**
     * {@link #PROBABILITY}, widened where a row is normalised by a tiny {@code normaliser}: products and
     * sums that fall in the subnormal range carry an absolute error up to \( 2^{-1075} \) each, so
     * after dividing by the normaliser the row may be off by \( 4 K \cdot 2^{-1074} / \text{normaliser} \).
     */
    static Tolerance underflow(int k, double normaliser) {
        double allowance = 4.0 * k * Double.MIN_VALUE / normaliser;
        if (!(allowance > PROBABILITY.alternatives().get(1).amount())) {
            return PROBABILITY;
        }
        return PROBABILITY.or(Tolerance.absolute(Math.min(allowance, 1))
            .named("subnormal underflow: 4 K 2^-1074 / normaliser"));
    }

    /** Equal within {@code tol}, or the same infinity (Tolerance accepts equal infinities). */
    static Verdict close(String relation, double lhs, double rhs, Tolerance tol) {
        return Verdict.close(relation, lhs, rhs, tol);
    }

    /** Element-wise closeness of two vectors. */
    static Verdict closeVectors(String relation, double[] lhs, double[] rhs, Tolerance tol) {
        if (lhs.length != rhs.length) {
            return Verdict.fail(relation + ": lengths differ, " + lhs.length + " vs " + rhs.length);
        }
        Verdict v = Verdict.pass();
        for (int i = 0; i < lhs.length; i++) {
            v = v.and(Verdict.close(relation + " [" + i + "]", lhs[i], rhs[i], tol));
        }
        return v;
    }
}

package org.probity.chain;

import org.probity.chain.internal.Checks;
import org.probity.chain.internal.Propagation;

/**
 * The building blocks of finite chains that the models built on them (the discrete diffusions of
 * {@code org.probity.diffusion}) share: validation of probability vectors and time indices with
 * the messages {@link FiniteChain} gives, and one step of marginal propagation \( m' = m Q \).
 *
 * <p>Row sums are accepted within 8 roundings per entry (\( 8 \max(K, 2) u \), u the unit
 * roundoff), the rule {@link FiniteChain#of(double[], double[][]...)} states.
 */
public final class Stochastic {
    private Stochastic() {
    }

    /**
     * Validates a probability vector of length {@code k}.
     *
     * @param name the parameter's name, for the message
     * @param p    the vector
     * @param k    its required length
     * @return a copy of {@code p}
     * @throws IllegalArgumentException naming {@code name} (and the entry) if {@code p} is null, has
     *     another length, an entry outside [0, 1] or NaN, or a sum further from 1 than the rule above
     */
    public static double[] probabilityVector(String name, double[] p, int k) {
        return Checks.probabilityVector(name, p, k);
    }

    /**
     * Whether {@link #probabilityVector(String, double[], int)} accepts {@code p}, without allocating
     * (the fast path of hot loops, which call {@code probabilityVector} for the message only when
     * this is false).
     *
     * @param p the vector (may be null)
     * @param k its required length
     * @return true if {@code p} is a probability vector of length {@code k}
     */
    public static boolean isProbabilityVector(double[] p, int k) {
        return Checks.isProbabilityVector(p, k);
    }

    /**
     * Requires {@code lo <= value <= hi}.
     *
     * @param name  the parameter's name, for the message
     * @param value the index
     * @param lo    smallest allowed value
     * @param hi    largest allowed value
     * @return {@code value}
     * @throws IllegalArgumentException {@code "t: expected an integer in [1, 5], got 0"}
     */
    public static int index(String name, int value, int lo, int hi) {
        return Checks.index(name, value, lo, hi);
    }

    /**
     * \( m' = m Q \): \( m'_j = \sum_i m_i Q_{ij} \) for a probability row vector m and a
     * row-stochastic Q, each sum compensated (Neumaier), zero weights skipped, results clamped to at
     * most 1 (the exact value is a probability, so the clamp only reduces the error). No validation:
     * the caller owns well-formed inputs.
     *
     * @param m    a row vector of length K
     * @param q    a K x K matrix
     * @param out  receives \( m Q \) (may not alias {@code m})
     * @param comp scratch of length K
     */
    public static void propagate(double[] m, double[][] q, double[] out, double[] comp) {
        Propagation.propagate(m, q, out, comp);
    }
}

package org.probity.chain;

import java.util.Optional;

/**
 * A sequence of \( T \) row-stochastic \( K \times K \) matrices indexed by the step
 * \( t = 1, \dots, T \), stored or computed on demand. It is the one input of the dynamic programs
 * of this package ({@link VariationalBound}, {@link FiniteChain#expectation(PathFunctional)}), so a
 * structured family (such as the D3PM transition matrices) can run them without materialising
 * \( T K^2 \) numbers at once.
 *
 * <p>Row {@code i} of matrix {@code t} is a distribution over the next state: for a forward chain
 * \( [Q_t]_{ij} = q(x_t = j \mid x_{t-1} = i) \); for a reverse (generative) chain
 * \( [P_t]_{ij} = p(x_{t-1} = j \mid x_t = i) \). Implementations are immutable and must fill rows
 * that are non-negative and sum to 1; the dynamic programs do not re-validate them.
 */
public interface TransitionSource {
    /** The number of states \( K \ge 1 \). */
    int states();

    /** The number of steps \( T \ge 0 \). */
    int steps();

    /**
     * Writes matrix {@code t} into {@code out}.
     *
     * @param t the step, {@code 1 <= t <= steps()}
     * @param out a {@code states() x states()} array, overwritten
     * @throws IllegalArgumentException if {@code t} is out of range
     */
    void fill(int t, double[][] out);

    /**
     * Matrix {@code t} as this source stores it, shared for reading, or {@code null} (the default) when the
     * source computes its matrices on demand. A source that keeps its \( T \) matrices (such as
     * {@link FiniteChain} and {@link ReverseChain}) returns the array it holds, not a copy, so that the
     * dynamic programs of this package read it in place instead of copying \( K^2 \) entries per step
     * with {@link #fill}; the result must equal what {@link #fill} writes.
     *
     * <p>Read-only: a caller must never write the returned array or its rows (that would change this
     * source, which is immutable). The dynamic programs only read it: they transpose it into buffers of
     * their own, and the logs of {@link #fillLog} go to a separate buffer. Code that needs a matrix it
     * may change calls {@link #transition} or {@link #fill}.
     *
     * @param t the step, {@code 1 <= t <= steps()}
     * @return the stored {@code states() x states()} matrix, or {@code null}
     * @throws IllegalArgumentException if {@code t} is out of range (a source that returns {@code null}
     *     may skip the check)
     */
    default double[][] storedTransition(int t) {
        return null;
    }

    /**
     * Matrix {@code t} as a new {@code states() x states()} array: \( Q_t \) of a forward chain,
     * \( P_t \) of a reverse chain (rows as above). By default a fresh array that {@link #fill} writes.
     *
     * @param t the step, {@code 1 <= t <= steps()}
     * @throws IllegalArgumentException if {@code t} is out of range
     */
    default double[][] transition(int t) {
        double[][] out = new double[states()][states()];
        fill(t, out);
        return out;
    }

    /**
     * Writes the natural logarithms of the entries of matrix {@code t} into {@code out}. By default the
     * logs of {@link #fill}; a source that knows its entries in log space (such as
     * {@link ReverseChain#trueReverse}, whose probabilities can lie below the double range) overrides it,
     * so that the dynamic programs keep the value of an entry that underflows to 0 or to a subnormal.
     *
     * @param t the step, {@code 1 <= t <= steps()}
     * @param out a {@code states() x states()} array, overwritten with values in \( [-\infty, 0] \)
     */
    default void fillLog(int t, double[][] out) {
        fill(t, out);
        for (double[] row : out) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.log(row[j]);
            }
        }
    }

    /**
     * \( \mathrm{VLB}(x_0) \) and \( \log p(x_0) \) for every \( x_0 \) of this forward process against
     * {@code reverse} ({@code {vlbs, logLikelihoods}}, as {@link VariationalBound} defines them), computed
     * from a structure this source knows, or empty when it has none for this reverse model; then
     * {@link VariationalBound} runs the dynamic program on the matrices. A source that answers owes the
     * accuracy of the dynamic program (D3PM: {@code org.probity.diffusion.DiscreteDiffusion}).
     *
     * @param prior \( p(x_T) \), a probability vector of length {@link #states()}
     * @param reverse the reverse chain, of this K and T
     * @return the two arrays of length K, or empty (the default)
     */
    default Optional<double[][]> structuredBound(double[] prior, TransitionSource reverse) {
        return Optional.empty();
    }
}

package org.probity.spec.internal;

import java.util.Locale;
import org.probity.math.Counts;
import org.probity.math.ShortestDouble;

/**
 * A {@code markov} model instance: K states, T steps, the forward process
 * \( q(x_0) \prod_t q(x_t | x_{t-1}) \) and the generative process \( p(x_T) \prod_t p(x_{t-1} | x_t) \).
 * Every density {@code q(A | B)} is the conditional of the process's joint, computed exactly along
 * the chain ({@link MarkovChain}: products of marginals and composed transitions, no joint table);
 * where every variable of A comes after every variable of B in the process's order it is the
 * chain's own kernel (so {@code q(x_t | x_{t-1}, earlier)} and {@code p(x_{t-1} | x_t, later)} are
 * the model's factors even where the condition has probability 0); elsewhere a condition of
 * probability 0 leaves the density undefined (NaN). A {@code stationary} model's instance also carries
 * the stationary distribution π of its forward kernels ({@link #stationary(int)}).
 */
public final class MarkovInstance implements ModelInstance {
    private final int k;
    private final int steps;
    private final double[] q0;
    private final double[][][] forward;   // forward[t][i][j] = q(x_t = j | x_{t-1} = i), t = 1..T
    private final double[] pT;
    private final double[][][] reverse;   // reverse[t][i][j] = p(x_{t-1} = j | x_t = i), t = 1..T
    private final double[] pi;            // the stationary distribution of every forward[t], or null
    private final MarkovChain qChain;
    private final MarkovChain pChain;

    MarkovInstance(int k, double[] q0, double[][][] forward, double[] pT, double[][][] reverse) {
        this(k, q0, forward, pT, reverse, null);
    }

    /**
     * An instance whose forward kernels all have {@code pi} as a stationary distribution (null for
     * none; the caller guarantees it, {@link InstanceGen#markov} by construction).
     */
    MarkovInstance(int k, double[] q0, double[][][] forward, double[] pT, double[][][] reverse, double[] pi) {
        this.k = k;
        this.pi = pi;
        this.steps = forward.length - 1;
        this.q0 = q0;
        this.forward = forward;
        this.pT = pT;
        this.reverse = reverse;
        this.qChain = MarkovChain.forward(q0, forward);
        this.pChain = MarkovChain.reverse(pT, reverse);
    }

    double[] q0() {
        return q0.clone();
    }

    /** Q_t for t = 1..T: [i][j] = q(x_t = j | x_{t-1} = i). */
    double[][] forward(int t) {
        return forward[t];
    }

    double[] prior() {
        return pT.clone();
    }

    /** P_t for t = 1..T: [i][j] = p(x_{t-1} = j | x_t = i). */
    double[][] reverse(int t) {
        return reverse[t];
    }

    /**
     * This instance with q(x_0), p(x_T) and the reverse kernels of the steps in {@code reverse}
     * replaced (a null argument or entry keeps this instance's); the forward kernels and π are kept.
     */
    MarkovInstance with(double[] q0, double[] pT, java.util.Map<Integer, double[][]> reverse) {
        double[][][] rv = this.reverse.clone();
        reverse.forEach((t, kernel) -> rv[t] = kernel);
        return new MarkovInstance(k, q0 == null ? this.q0 : q0, forward, pT == null ? this.pT : pT, rv, pi);
    }

    /** The stationary distribution π, or null when the model has none. */
    double[] pi() {
        return pi == null ? null : pi.clone();
    }

    /**
     * π(state), the stationary distribution of the forward kernels at one state.
     *
     * @throws IllegalStateException when the instance has no stationary distribution (Semantics admits
     *     {@code pi(x)} only in {@code stationary} models)
     */
    double stationary(int state) {
        if (pi == null) {
            throw new IllegalStateException("pi(x) on a markov instance without a stationary distribution");
        }
        return pi[state];
    }

    /** The number of states K. */
    public int states() {
        return k;
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public String family() {
        return "markov";
    }

    @Override
    public String describeSize() {
        return String.format(Locale.ROOT, "K = %s, T = %s", Counts.of(k, "state"), Counts.of(steps, "step"));
    }

    /**
     * The density {@code q(A | B)} or {@code p(A | B)} at the states {@code x} (entries of A and B
     * set); a variable of A that is also in B counts as given (factor 1).
     *
     * @param targets the variables of A
     * @param given the variables of B (empty for none)
     */
    double density(boolean generative, int[] targets, int[] given, int[] x) {
        return (generative ? pChain : qChain).density(targets, given, x);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "markov, %s%n", describeSize()));
        sb.append("    q(x_0) = ").append(vector(q0)).append('\n');
        for (int t = 1; t <= steps; t++) {
            sb.append(String.format(Locale.ROOT, "    q(x_%d | x_%d) = %s  (row = x_%d)%n", t, t - 1, matrix(forward[t]), t - 1));
        }
        if (pi != null) {
            sb.append("    pi = ").append(vector(pi)).append("  (stationary: every q(x_t | x_{t-1}) in detailed balance with it)\n");
        }
        sb.append(String.format(Locale.ROOT, "    p(x_%d) = %s%n", steps, vector(pT)));
        for (int t = steps; t >= 1; t--) {
            sb.append(String.format(Locale.ROOT, "    p(x_%d | x_%d) = %s  (row = x_%d)%n", t - 1, t, matrix(reverse[t]), t));
        }
        return sb.toString().stripTrailing();
    }

    static String vector(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? ", " : "").append(ShortestDouble.toString(v[i]));
        }
        return sb.append(']').toString();
    }

    private static String matrix(double[][] m) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < m.length; i++) {
            sb.append(i > 0 ? ", " : "").append(vector(m[i]));
        }
        return sb.append(']').toString();
    }
}

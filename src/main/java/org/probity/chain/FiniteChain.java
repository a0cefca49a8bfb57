package org.probity.chain;

import java.util.Locale;
import org.probity.chain.internal.ChainDp;
import org.probity.chain.internal.Checks;
import org.probity.chain.internal.Propagation;
import org.probity.math.NeumaierSum;

/**
 * A time-inhomogeneous Markov chain \( x_0, x_1, \dots, x_T \) on the states \( 0, \dots, K-1 \):
 * an initial distribution \( \pi(i) = P(x_0 = i) \) and row-stochastic matrices
 * \( Q_t[i][j] = P(x_t = j \mid x_{t-1} = i) \), \( t = 1..T \) (zeros allowed). The joint is
 * \( P(x_{0:T}) = \pi(x_0) \prod_{t=1}^{T} Q_t[x_{t-1}][x_t] \).
 *
 * <p>Everything is exact up to rounding and polynomial: marginals, pairwise marginals and
 * multi-step transition products by propagation (\( O(T K^2) \)), conditionals of the joint as
 * chains ({@link #given(int, int)}: conditioning a Markov chain on the state at one time yields a
 * Markov chain), the time reversal, expectations of additive path functionals by backward dynamic
 * programming (\( O(T K^2) \), never \( K^T \)), and the chain-rule KL between two chains. Sums are
 * compensated (Neumaier), so each propagated probability is within a few ulps of the exact sum of
 * its rounded products. {@link PathEnumeration} computes the same quantities by brute force as an
 * independent check.
 *
 * <p>Immutable; accessors return copies. \( T = 0 \) (only \( x_0 \)) is allowed.
 */
public final class FiniteChain implements TransitionSource {
    private static final String MSG_ZERO = "given: state %d at time %d has probability 0 under the chain; "
        + "expected a state of positive probability";
    private static final String MSG_PATH = "path: expected %d states (x_0..x_%d), got %d";
    private static final String MSG_OTHER = "other: expected a chain with %d states and %d steps, got %d states and %d steps";

    private final double[] initial;
    private final double[][][] q;

    private FiniteChain(double[] initial, double[][][] q) {
        this.initial = initial;
        this.q = q;
    }

    /**
     * A chain from its initial distribution and transition matrices.
     *
     * @param initial \( \pi \), a probability vector of length \( K \ge 1 \)
     * @param transitions \( Q_1, \dots, Q_T \), each \( K \times K \) row-stochastic (entries in
     *     [0, 1], rows summing to 1 within 8 roundings per entry); none for \( T = 0 \)
     * @return the chain (the arrays are copied)
     * @throws IllegalArgumentException naming the offending parameter and entry, e.g.
     *     {@code "transitions[2][0][1]: expected a probability in [0, 1], got NaN"}
     */
    public static FiniteChain of(double[] initial, double[][]... transitions) {
        double[] pi = Checks.probabilityVector("initial", initial);
        return new FiniteChain(pi, Checks.stochasticMatrices("transitions", transitions, pi.length));
    }

    /** Builds without validation from arrays this class owns. */
    static FiniteChain trusted(double[] initial, double[][][] q) {
        return new FiniteChain(initial, q);
    }

    @Override
    public int states() {
        return initial.length;
    }

    @Override
    public int steps() {
        return q.length;
    }

    /** The initial distribution \( \pi \) (a copy). */
    public double[] initial() {
        return initial.clone();
    }

    @Override
    public void fill(int t, double[][] out) {
        Checks.fillStep(q, t, out);
    }

    /** The stored matrix of step {@code t}, shared: read-only (see {@link TransitionSource#storedTransition}). */
    @Override
    public double[][] storedTransition(int t) {
        return Checks.step(q, t);
    }

    /**
     * The same transitions started from another initial distribution.
     *
     * @throws IllegalArgumentException if {@code initial} is not a probability vector of length K
     */
    public FiniteChain withInitial(double[] initial) {
        return new FiniteChain(Checks.probabilityVector("initial", initial, states()), q);
    }

    /** The same transitions started from the point mass at {@code state}: the law of \( x_{1:T} \mid x_0 \). */
    public FiniteChain startingAt(int state) {
        Checks.index("state", state, 0, states() - 1);
        double[] d = new double[states()];
        d[state] = 1;
        return new FiniteChain(d, q);
    }

    /**
     * \( P(x_{0:T} = \text{path}) = \pi(x_0) \prod_t Q_t[x_{t-1}][x_t] \), as a product (relative error at
     * most \( T u \)).
     *
     * @param path \( T + 1 \) states
     * @throws IllegalArgumentException if the length or a state is out of range
     */
    public double probability(int... path) {
        checkPath(path);
        double p = initial[path[0]];
        for (int t = 1; t <= steps(); t++) {
            p *= q[t - 1][path[t - 1]][path[t]];
        }
        return p;
    }

    /** \( \log P(x_{0:T} = \text{path}) \) as a compensated sum of logs; \( -\infty \) for a path of probability 0. */
    public double logProbability(int... path) {
        checkPath(path);
        NeumaierSum s = NeumaierSum.create().add(Math.log(initial[path[0]]));
        for (int t = 1; t <= steps(); t++) {
            s.add(Math.log(q[t - 1][path[t - 1]][path[t]]));
        }
        return s.sum();
    }

    /**
     * The marginal \( P(x_t = \cdot) = \pi Q_1 \cdots Q_t \).
     *
     * @param t the time, {@code 0 <= t <= T}
     */
    public double[] marginal(int t) {
        Checks.index("t", t, 0, steps());
        double[] m = initial.clone();
        for (int s = 1; s <= t; s++) {
            m = Propagation.propagate(m, q[s - 1]);
        }
        return m;
    }

    /** All marginals, {@code [t][i]} \( = P(x_t = i) \) for \( t = 0..T \). */
    public double[][] marginals() {
        return Propagation.marginals(initial, this);
    }

    /**
     * The multi-step transition \( P(x_t = j \mid x_s = i) = [Q_{s+1} \cdots Q_t]_{ij} \), defined
     * for every row \( i \) (also those of probability 0); the identity for \( s = t \). With
     * \( s = 0 \) this is \( \bar{Q}_t \).
     *
     * @param s the earlier time, {@code 0 <= s <= t}
     * @param t the later time, {@code s <= t <= T}
     */
    public double[][] transitionProduct(int s, int t) {
        Checks.index("t", t, 0, steps());
        Checks.index("s", s, 0, t);
        int k = states();
        double[][] r = new double[k][];
        for (int i = 0; i < k; i++) {
            double[] row = new double[k];
            row[i] = 1;
            for (int u = s + 1; u <= t; u++) {
                row = Propagation.propagate(row, q[u - 1]);
            }
            r[i] = row;
        }
        return r;
    }

    /**
     * The pairwise marginal \( P(x_s = i, x_t = j) = m_s(i) [Q_{s+1} \cdots Q_t]_{ij} \) for
     * \( s \le t \); for \( s > t \) the transpose of the pair \( (t, s) \), so {@code [i][j]} always
     * indexes \( (x_s, x_t) \).
     */
    public double[][] pairwiseMarginal(int s, int t) {
        Checks.index("s", s, 0, steps());
        Checks.index("t", t, 0, steps());
        int lo = Math.min(s, t);
        int hi = Math.max(s, t);
        double[] m = marginal(lo);
        double[][] prod = transitionProduct(lo, hi);
        int k = states();
        double[][] joint = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double v = m[i] * prod[i][j];
                if (lo == s) {
                    joint[i][j] = v;
                } else {
                    joint[j][i] = v;
                }
            }
        }
        return joint;
    }

    /**
     * The forward posterior by Bayes' rule,
     * \( P(x_{t-1} = i \mid x_t, x_0) = Q_t[i][x_t]\, \bar{Q}_{t-1}[x_0][i] / \bar{Q}_t[x_0][x_t] \),
     * where \( \bar{Q}_t = Q_1 \cdots Q_t \) and the denominator is the sum of the numerators (so the
     * result sums to 1 within a few ulps). Does not depend on \( \pi \).
     *
     * @param t the step, {@code 1 <= t <= T}
     * @param x0 the state at time 0
     * @param xt the state at time t
     * @return the distribution of \( x_{t-1} \)
     * @throws IllegalArgumentException if \( \bar{Q}_t[x_0][x_t] = 0 \) (the event has probability 0)
     */
    public double[] posterior(int t, int x0, int xt) {
        Checks.index("t", t, 1, steps());
        Checks.index("x0", x0, 0, states() - 1);
        Checks.index("xt", xt, 0, states() - 1);
        double[] prev = new double[states()];
        prev[x0] = 1;
        for (int s = 1; s < t; s++) {
            prev = Propagation.propagate(prev, q[s - 1]);
        }
        double[] post = new double[states()];
        NeumaierSum z = NeumaierSum.create();
        for (int i = 0; i < states(); i++) {
            post[i] = q[t - 1][i][xt] * prev[i];
            z.add(post[i]);
        }
        double norm = z.sum();
        if (!(norm > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "xt: state %d is unreachable at time %d from x0 = %d; expected a reachable state", xt, t, x0));
        }
        for (int i = 0; i < states(); i++) {
            post[i] /= norm;
        }
        return post;
    }

    /**
     * The conditional law of the whole path given \( x_{\text{time}} = \text{state} \), as a chain:
     * \( \pi'(i) \propto \pi(i) b_0(i) \) and \( Q'_t[i][j] = Q_t[i][j] b_t(j) / b_{t-1}(i) \) with
     * \( b_t(j) = P(x_{\text{time}} = \text{state} \mid x_t = j) \) for \( t \le \text{time} \) and 1
     * after (Doob's h-transform). Rows of states that the conditioned chain cannot reach keep their
     * original values (they carry probability 0). Any conditional of the joint is a marginal or
     * pairwise marginal of a chain conditioned once or several times, e.g.
     * \( P(x_{t-1} \mid x_t, x_0) \) is {@code given(0, x0).given(t, xt).marginal(t - 1)}.
     *
     * @throws IllegalArgumentException if \( P(x_{\text{time}} = \text{state}) = 0 \)
     */
    public FiniteChain given(int time, int state) {
        Checks.index("time", time, 0, steps());
        Checks.index("state", state, 0, states() - 1);
        int k = states();
        double[][][] nq = q.clone();
        double[] b = new double[k];
        b[state] = 1;
        for (int t = time; t >= 1; t--) {
            double[][] m = q[t - 1];
            double[][] c = new double[k][k];
            double[] nb = new double[k];
            double max = 0;
            for (int i = 0; i < k; i++) {
                NeumaierSum z = NeumaierSum.create();
                for (int j = 0; j < k; j++) {
                    c[i][j] = m[i][j] * b[j];
                    z.add(c[i][j]);
                }
                nb[i] = z.sum();
                if (nb[i] > 0) {
                    for (int j = 0; j < k; j++) {
                        c[i][j] /= nb[i];
                    }
                } else {
                    c[i] = m[i].clone();
                }
                max = Math.max(max, nb[i]);
            }
            nq[t - 1] = c;
            if (max > 0) {
                for (int i = 0; i < k; i++) {
                    nb[i] /= max; // rescaling b leaves Q' unchanged and prevents underflow
                }
            }
            b = nb;
        }
        double[] pi = new double[k];
        NeumaierSum z = NeumaierSum.create();
        for (int i = 0; i < k; i++) {
            pi[i] = initial[i] * b[i];
            z.add(pi[i]);
        }
        double norm = z.sum();
        if (!(norm > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_ZERO, state, time));
        }
        for (int i = 0; i < k; i++) {
            pi[i] /= norm;
        }
        return new FiniteChain(pi, nq);
    }

    /**
     * The time reversal: the chain \( y_s = x_{T-s} \), with initial distribution \( m_T \) and
     * \( R_s[j][i] = P(x_{t-1} = i \mid x_t = j) = m_{t-1}(i) Q_t[i][j] / m_t(j) \) for
     * \( t = T - s + 1 \) (Bayes' rule). Rows of states of probability 0 are set to \( m_{t-1} \).
     * Both chains have the same joint law.
     */
    public FiniteChain reversed() {
        int k = states();
        int steps = steps();
        double[][] m = marginals();
        double[][][] r = new double[steps][][];
        for (int s = 1; s <= steps; s++) {
            int t = steps - s + 1;
            double[][] rs = new double[k][k];
            for (int j = 0; j < k; j++) {
                NeumaierSum z = NeumaierSum.create();
                for (int i = 0; i < k; i++) {
                    rs[j][i] = m[t - 1][i] * q[t - 1][i][j];
                    z.add(rs[j][i]);
                }
                double norm = z.sum();
                if (norm > 0) {
                    for (int i = 0; i < k; i++) {
                        rs[j][i] /= norm;
                    }
                } else {
                    rs[j] = m[t - 1].clone();
                }
            }
            r[s - 1] = rs;
        }
        return new FiniteChain(m[steps].clone(), r);
    }

    /**
     * The exact expectation \( \mathbb{E}[F(x_{0:T})] \) of an additive path functional by backward
     * dynamic programming in \( O(T K^2) \) evaluations of \( F \)'s terms. Terms of probability 0
     * contribute 0; an infinite term of positive probability makes the result infinite (NaN if
     * both signs occur).
     */
    public double expectation(PathFunctional f) {
        return Propagation.weightedSum(initial, expectationsByStart(f));
    }

    /**
     * \( \mathbb{E}[F(x_{0:T}) \mid x_0 = i] \) for every \( i \) in one backward pass (also for
     * states with \( \pi(i) = 0 \): the chain {@link #startingAt(int)} i).
     */
    public double[] expectationsByStart(PathFunctional f) {
        return ChainDp.valuesByStart(this, f);
    }

    /**
     * \( \mathrm{KL}(P_{\text{this}} \,\|\, P_{\text{other}}) \) between the laws of the two paths
     * \( x_{0:T} \), by the chain rule
     * \( \mathrm{KL}(\pi \| \pi') + \sum_t \mathbb{E}_{x_{t-1}} \mathrm{KL}(Q_t[x_{t-1}] \| Q'_t[x_{t-1}]) \);
     * \( +\infty \) when this chain reaches a transition that the other forbids.
     *
     * @throws IllegalArgumentException if the chains differ in K or T
     */
    public double klDivergence(FiniteChain other) {
        if (other.states() != states() || other.steps() != steps()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_OTHER, states(), steps(),
                other.states(), other.steps()));
        }
        return ChainDp.klDivergence(initial, this, other.initial, other);
    }

    private void checkPath(int[] path) {
        if (path == null || path.length != steps() + 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_PATH, steps() + 1, steps(),
                path == null ? 0 : path.length));
        }
        for (int t = 0; t < path.length; t++) {
            Checks.index("path[" + t + "]", path[t], 0, states() - 1);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FiniteChain[K=%d, T=%d, initial=%s, transitions=%s]", states(), steps(),
            java.util.Arrays.toString(initial), java.util.Arrays.deepToString(q));
    }
}

package org.probity.chain;

import java.util.Locale;
import org.probity.chain.internal.ChainDp;
import org.probity.chain.internal.Checks;
import org.probity.chain.internal.Propagation;
import org.probity.math.LogSpace;
import org.probity.math.NeumaierSum;

/**
 * A generative (reverse-time) Markov chain \( p(x_{0:T}) = p(x_T) \prod_{t=1}^{T} p(x_{t-1} \mid x_t) \)
 * on the states \( 0..K-1 \): a prior \( p(x_T) \) and row-stochastic matrices
 * \( P_t[i][j] = p(x_{t-1} = j \mid x_t = i) \), \( t = 1..T \) (zeros allowed). Time keeps the
 * indexing of the forward process it models (the diffusion convention); {@link #asChain()} is the
 * same law as a {@link FiniteChain} over reversed time and {@link #forwardTime()} as one over
 * forward time.
 *
 * <p>As a {@link TransitionSource}, {@code fill(t, out)} writes \( P_t \). Immutable.
 */
public final class ReverseChain implements TransitionSource {
    private static final String MSG_PATH = "path: expected %d states (x_0..x_%d), got %d";

    private final double[] prior;
    private final double[][][] p;
    private final double[][][] logP; // null, or the entries' logs computed in log space (trueReverse)

    private ReverseChain(double[] prior, double[][][] p) {
        this(prior, p, null);
    }

    private ReverseChain(double[] prior, double[][][] p, double[][][] logP) {
        this.logP = logP;
        this.prior = prior;
        this.p = p;
    }

    /**
     * A reverse chain from its prior and reverse transitions.
     *
     * @param prior \( p(x_T) \), a probability vector of length \( K \ge 1 \)
     * @param reverseTransitions \( P_1, \dots, P_T \) in the order of t (index {@code t - 1} holds
     *     \( P_t[i][j] = p(x_{t-1} = j \mid x_t = i) \)), each row-stochastic
     * @return the chain (arrays copied)
     * @throws IllegalArgumentException naming the offending parameter and entry
     */
    public static ReverseChain of(double[] prior, double[][]... reverseTransitions) {
        double[] pr = Checks.probabilityVector("prior", prior);
        return new ReverseChain(pr, Checks.stochasticMatrices("reverseTransitions", reverseTransitions, pr.length));
    }

    /**
     * The true reverse process of a forward chain: \( p(x_T) = q(x_T) \) and
     * \( p(x_{t-1} \mid x_t) = q(x_{t-1} \mid x_t) \) (rows of unreachable states set to
     * \( q(x_{t-1}) \)). Its joint equals the forward joint, so the variational bound is tight.
     */
    public static ReverseChain trueReverse(FiniteChain q) {
        FiniteChain r = q.reversed();
        int k = q.states();
        int n = q.steps();
        double[][][] ps = new double[n][][];
        for (int t = 1; t <= n; t++) {
            ps[t - 1] = r.transition(n - t + 1);
        }
        // The same matrices in log space: log P_t[j][i] = log m_{t-1}(i) + log Q_t[i][j] - log m_t(j), the
        // marginals propagated by log-sum-exp, so an entry far below the double range keeps its value.
        double[][][] logs = new double[n][k][k];
        double[] logM = q.initial();
        for (int i = 0; i < k; i++) {
            logM[i] = Math.log(logM[i]);
        }
        double[] terms = new double[k];
        for (int t = 1; t <= n; t++) {
            double[][] qt = q.transition(t);
            double[] next = new double[k];
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < k; i++) {
                    terms[i] = logM[i] + Math.log(qt[i][j]);
                }
                double lz = LogSpace.logSumExp(terms);
                next[j] = lz;
                for (int i = 0; i < k; i++) {
                    logs[t - 1][j][i] = lz == Double.NEGATIVE_INFINITY ? Math.log(ps[t - 1][j][i]) : terms[i] - lz;
                }
            }
            logM = next;
        }
        return new ReverseChain(r.initial(), ps, logs);
    }

    @Override
    public void fillLog(int t, double[][] out) {
        if (logP == null) {
            TransitionSource.super.fillLog(t, out);
            return;
        }
        Checks.fillStep(logP, t, out);
    }

    @Override
    public int states() {
        return prior.length;
    }

    @Override
    public int steps() {
        return p.length;
    }

    /** \( p(x_T) \) (a copy). */
    public double[] prior() {
        return prior.clone();
    }

    @Override
    public void fill(int t, double[][] out) {
        Checks.fillStep(p, t, out);
    }

    /** The stored matrix of step {@code t}, shared: read-only (see {@link TransitionSource#storedTransition}). */
    @Override
    public double[][] storedTransition(int t) {
        return Checks.step(p, t);
    }

    /**
     * \( p(x_{0:T} = \text{path}) = p(x_T) \prod_t P_t[x_t][x_{t-1}] \).
     *
     * @param path \( x_0, \dots, x_T \) in forward order
     */
    public double probability(int... path) {
        checkPath(path);
        double v = prior[path[steps()]];
        for (int t = steps(); t >= 1; t--) {
            v *= p[t - 1][path[t]][path[t - 1]];
        }
        return v;
    }

    /** \( \log p(x_{0:T} = \text{path}) \), a compensated sum of logs. */
    public double logProbability(int... path) {
        checkPath(path);
        NeumaierSum s = NeumaierSum.create().add(Math.log(prior[path[steps()]]));
        for (int t = steps(); t >= 1; t--) {
            s.add(Math.log(p[t - 1][path[t]][path[t - 1]]));
        }
        return s.sum();
    }

    /** The marginal \( p(x_t = \cdot) = p(x_T) P_T \cdots P_{t+1} \), {@code 0 <= t <= T}. */
    public double[] marginal(int t) {
        Checks.index("t", t, 0, steps());
        double[] m = prior.clone();
        for (int s = steps(); s > t; s--) {
            m = Propagation.propagate(m, p[s - 1]);
        }
        return m;
    }

    /** \( \log p(x_0 = i) \) for every \( i \) (\( -\infty \) where the probability is 0). */
    public double[] logLikelihoods() {
        return ChainDp.logLikelihoods(prior, this);
    }

    /** The same law as a chain over reversed time \( y_s = x_{T-s} \): initial \( p(x_T) \), matrices \( P_T, \dots, P_1 \). */
    public FiniteChain asChain() {
        double[][][] r = new double[steps()][][];
        for (int s = 1; s <= steps(); s++) {
            r[s - 1] = p[steps() - s];
        }
        return FiniteChain.trusted(prior, r);
    }

    /** The same law as a chain over forward time: initial \( p(x_0) \), matrices \( p(x_t \mid x_{t-1}) \) (time reversal of {@link #asChain()}). */
    public FiniteChain forwardTime() {
        return asChain().reversed();
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
        return String.format(Locale.ROOT, "ReverseChain[K=%d, T=%d, prior=%s, reverseTransitions=%s]", states(),
            steps(), java.util.Arrays.toString(prior), java.util.Arrays.deepToString(p));
    }
}

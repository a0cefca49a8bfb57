package org.probity.chain;

import java.util.Locale;
import org.probity.chain.internal.ChainDp;
import org.probity.chain.internal.Checks;
import org.probity.chain.internal.Propagation;
import org.probity.math.NeumaierSum;

/**
 * The exact variational bound of a finite forward process \( q \) against a reverse (generative)
 * chain \( p \) (Sohl-Dickstein et al. 2015; Ho et al. 2020, eqs. 3 and 5; Austin et al. 2021,
 * eq. 1), all by dynamic programming in \( O(T K^2) \):
 * <ul>
 *   <li>\( \mathrm{VLB}(x_0) = \mathbb{E}_{q(x_{1:T} \mid x_0)}[\log q(x_{1:T} \mid x_0) - \log p(x_{0:T})]
 *       = -\mathrm{ELBO}(x_0) \ge -\log p(x_0) \), for every \( x_0 \) in one backward pass;</li>
 *   <li>its decomposition \( L_T + \sum_{t=2}^{T} L_{t-1} + L_0 \) (per \( x_0 \), forward pass with
 *       the Bayes-rule posterior);</li>
 *   <li>\( \log p(x_0) \) for every \( x_0 \);</li>
 *   <li>\( L_{\mathrm{VLB}} = \mathbb{E}_{q(x_0)} \mathrm{VLB}(x_0) \) and
 *       \( L_{\mathrm{CE}} = -\mathbb{E}_{q(x_0)} \log p(x_0) \le L_{\mathrm{VLB}} \).</li>
 * </ul>
 * All values are in nats. A path that q reaches and p forbids makes the bound \( +\infty \); paths
 * of q-probability 0 contribute 0. Accuracy: compensated sums throughout; the direct and decomposed
 * VLB agree to within a few ulps times \( T K \) times the condition number of the sum
 * (measured in {@code VariationalBoundTest}).
 *
 * <p>Immutable; the per-start values are computed once on construction (\( O(T K^2) \)).
 */
public final class VariationalBound {
    private static final String MSG_SHAPE = "%s: expected %d states and %d steps (as the forward process), got %d states and %d steps";
    private static final String MSG_STEPS = "forward: expected at least 1 step, got %d";

    private final double[] q0;
    private final TransitionSource forward;
    private final double[] prior;
    private final TransitionSource reverse;
    private final double[] vlbs;
    private final double[] logLikelihoods;

    private VariationalBound(double[] q0, TransitionSource forward, double[] prior, TransitionSource reverse) {
        this.q0 = q0;
        this.forward = forward;
        this.prior = prior;
        this.reverse = reverse;
        double[][] both = forward.structuredBound(prior, reverse)
            .orElseGet(() -> ChainDp.vlbAndLogLikelihoods(forward, prior, reverse));
        this.vlbs = both[0];
        this.logLikelihoods = both[1];
    }

    /**
     * The bound of the forward chain {@code q} (with its initial distribution as the data
     * distribution \( q(x_0) \)) against the reverse chain {@code p}.
     *
     * @throws IllegalArgumentException if the two differ in K or T, or \( T = 0 \)
     */
    public static VariationalBound of(FiniteChain q, ReverseChain p) {
        return of(q.initial(), q, p.prior(), p);
    }

    /**
     * The bound for transition sources (e.g. D3PM matrices computed on demand).
     *
     * @param q0 the data distribution \( q(x_0) \)
     * @param forward \( Q_t[i][j] = q(x_t = j \mid x_{t-1} = i) \), \( T \ge 1 \)
     * @param prior \( p(x_T) \)
     * @param reverse \( P_t[i][j] = p(x_{t-1} = j \mid x_t = i) \)
     * @throws IllegalArgumentException naming the parameter on a shape mismatch or a bad vector
     */
    public static VariationalBound of(double[] q0, TransitionSource forward, double[] prior, TransitionSource reverse) {
        int k = forward.states();
        if (forward.steps() < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_STEPS, forward.steps()));
        }
        if (reverse.states() != k || reverse.steps() != forward.steps()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_SHAPE, "reverse", k, forward.steps(),
                reverse.states(), reverse.steps()));
        }
        return new VariationalBound(Checks.probabilityVector("q0", q0, k), forward,
            Checks.probabilityVector("prior", prior, k), reverse);
    }

    /** The number of states K. */
    public int states() {
        return forward.states();
    }

    /** The number of steps T. */
    public int steps() {
        return forward.steps();
    }

    /** \( \mathrm{VLB}(x_0) = -\mathrm{ELBO}(x_0) \) computed directly as the expectation of the log ratio. */
    public double vlb(int x0) {
        return vlbs[Checks.index("x0", x0, 0, states() - 1)];
    }

    /** \( \mathrm{VLB}(x_0) \) for every \( x_0 \) (a copy). */
    public double[] vlbs() {
        return vlbs.clone();
    }

    /** \( \mathrm{ELBO}(x_0) = -\mathrm{VLB}(x_0) \le \log p(x_0) \). */
    public double elbo(int x0) {
        return -vlb(x0);
    }

    /** \( \log p(x_0) \) (\( -\infty \) when p gives \( x_0 \) probability 0). */
    public double logLikelihood(int x0) {
        return logLikelihoods[Checks.index("x0", x0, 0, states() - 1)];
    }

    /** \( \log p(x_0) \) for every \( x_0 \) (a copy). */
    public double[] logLikelihoods() {
        return logLikelihoods.clone();
    }

    /**
     * The terms of \( \mathrm{VLB}(x_0) = L_T + \sum_{t=2}^{T} L_{t-1} + L_0 \): index 0 is
     * \( L_0 = -\mathbb{E}_{q(x_1 \mid x_0)} \log p(x_0 \mid x_1) \); index \( t-1 \) (\( t = 2..T \)) is
     * \( L_{t-1} = \mathbb{E}_{q(x_t \mid x_0)} \mathrm{KL}(q(x_{t-1} \mid x_t, x_0) \| p(x_{t-1} \mid x_t)) \);
     * index T is \( L_T = \mathrm{KL}(q(x_T \mid x_0) \| p(x_T)) \). \( O(T K^2) \).
     */
    public double[] terms(int x0) {
        Checks.index("x0", x0, 0, states() - 1);
        return ChainDp.vlbTerms(x0, forward, prior, reverse);
    }

    /** \( L_T + \sum_{t=2}^{T} L_{t-1} + L_0 \), the compensated sum of {@link #terms(int)}. */
    public double decomposedVlb(int x0) {
        return NeumaierSum.sum(terms(x0));
    }

    /** \( L_T = \mathrm{KL}(q(x_T \mid x_0) \| p(x_T)) \). */
    public double priorTerm(int x0) {
        return terms(x0)[steps()];
    }

    /** \( L_{t-1} \) for {@code 2 <= t <= T}. */
    public double denoisingTerm(int t, int x0) {
        Checks.index("t", t, 2, steps());
        return terms(x0)[t - 1];
    }

    /** \( L_0 = -\mathbb{E}_{q(x_1 \mid x_0)} \log p(x_0 \mid x_1) \). */
    public double reconstructionTerm(int x0) {
        return terms(x0)[0];
    }

    /** \( L_{\mathrm{VLB}} = \sum_{x_0} q(x_0) \mathrm{VLB}(x_0) \) (states with \( q(x_0) = 0 \) contribute 0). */
    public double totalVlb() {
        return Propagation.weightedSum(q0, vlbs);
    }

    /** \( L_{\mathrm{CE}} = -\sum_{x_0} q(x_0) \log p(x_0) \); \( +\infty \) if p misses a state q has. */
    public double crossEntropy() {
        double[] neg = new double[logLikelihoods.length];
        for (int i = 0; i < neg.length; i++) {
            neg[i] = -logLikelihoods[i];
        }
        return Propagation.weightedSum(q0, neg);
    }

    /** The data distribution \( q(x_0) \) (a copy). */
    public double[] dataDistribution() {
        return q0.clone();
    }
}

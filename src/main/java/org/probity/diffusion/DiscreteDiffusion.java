package org.probity.diffusion;

import java.util.Locale;
import java.util.Optional;
import org.probity.chain.FiniteChain;
import org.probity.chain.Stochastic;
import org.probity.chain.TransitionSource;
import org.probity.chain.VariationalBound;
import org.probity.math.DoubleDouble;
import org.probity.math.NeumaierSum;

/**
 * Discrete denoising diffusion (D3PM; Austin et al. 2021, "Structured Denoising Diffusion Models in
 * Discrete State-Spaces"): a forward Markov chain on K states with
 * \( [Q_t]_{ij} = q(x_t = j \mid x_{t-1} = i) \) from one of three transition families and a
 * schedule \( \beta_1..\beta_T \in (0, 1] \) ({@link D3pmSchedules}):
 * <ul>
 *   <li>{@link Family#UNIFORM}: \( Q_t = (1 - \beta_t) I + \beta_t \mathbb{1}\mathbb{1}^\top / K \),
 *       \( \bar{Q}_t = \bar\alpha_t I + (1 - \bar\alpha_t) \mathbb{1}\mathbb{1}^\top / K \)
 *       (Austin et al. §3.1; Hoogeboom et al. 2021);</li>
 *   <li>{@link Family#ABSORBING}: the last state \( m = K - 1 \) is the mask;
 *       \( Q_t = (1 - \beta_t) I + \beta_t \mathbb{1} e_m^\top \),
 *       \( \bar{Q}_t = \bar\alpha_t I + (1 - \bar\alpha_t) \mathbb{1} e_m^\top \);</li>
 *   <li>{@link Family#DISCRETIZED_GAUSSIAN}: for \( i \ne j \),
 *       \( [Q_t]_{ij} = e^{-4 (i-j)^2 / ((K-1)^2 \beta_t)} / \sum_{n=-(K-1)}^{K-1} e^{-4 n^2 / ((K-1)^2 \beta_t)} \),
 *       and the diagonal completes each row to 1 (Austin et al. Appendix A.2.2); doubly stochastic,
 *       \( \bar{Q}_t \) is the matrix product.</li>
 * </ul>
 * with \( \bar\alpha_t = \prod_{s \le t} (1 - \beta_s) \) and \( 1 - \bar\alpha_t \) from the
 * double-double recurrences of {@link NoiseSchedule} (each within 1 ulp).
 *
 * <p>Accuracy of the uniform and absorbing families: every entry of \( Q_t \), of \( \bar{Q}_t \)
 * ({@link #cumulative}, {@link #cumulativeRow}) and of the posterior ({@link #posterior}, Bayes' rule
 * in double-double) is its exact value for the double β array rounded once, within 1 ulp (50-digit
 * test in {@code D3pmAccuracyTest}).
 *
 * <p>The variational bound and the exact likelihood ({@link #bound(double[], D3pmReverseModel)}): for the
 * uniform and absorbing families against an x₀-parameterised JOINT model, from the rank-one structure
 * of \( Q_t \) ({@link #structuredBound}: \( O(K^2) \) multiply-adds and \( O(K) \) logs per step, the
 * K² being the predictions); otherwise on the dynamic programs of {@code org.probity.chain}. Matrices are
 * computed on demand, one step at a time, so \( K = 256 \), \( T = 1000 \) needs \( O(K^2) \) memory
 * (the discretized-Gaussian family keeps \( 2 \sqrt{T} \) products \( \bar{Q}_t \), {@link DiscretizedGaussianTransitions}).
 * Immutable (the Gaussian products are a cache behind a lock).
 */
public final class DiscreteDiffusion implements TransitionSource {
    /** The transition families of Austin et al. 2021. */
    public enum Family { UNIFORM, ABSORBING, DISCRETIZED_GAUSSIAN }

    private static final String MSG_STATES = "states: expected an integer >= %d for the %s family, got %d";
    private static final String MSG_BETAS = "betas: expected a non-empty array, got %s";
    private static final String MSG_KEEP = "keepProbability: defined for the uniform and absorbing families, not %s";

    private final Family family;
    private final int k;
    private final double[] betas;
    private final NoiseSchedule keep; // its alphaBar_t is the keep probability, in double-double
    private final DiscretizedGaussianTransitions gaussian; // the products of the discretized-Gaussian family, else null

    private DiscreteDiffusion(Family family, int k, double[] betas) {
        this.family = family;
        this.k = k;
        this.betas = betas;
        this.keep = NoiseSchedule.of(betas);
        this.gaussian = family == Family.DISCRETIZED_GAUSSIAN ? new DiscretizedGaussianTransitions(this) : null;
    }

    /** The uniform family on {@code states >= 2} states. @throws IllegalArgumentException naming the parameter */
    public static DiscreteDiffusion uniform(int states, double[] betas) {
        return create(Family.UNIFORM, states, betas);
    }

    /** The absorbing family on {@code states >= 2} states, the last being the mask. @throws IllegalArgumentException naming the parameter */
    public static DiscreteDiffusion absorbing(int states, double[] betas) {
        return create(Family.ABSORBING, states, betas);
    }

    /** The discretized-Gaussian family on {@code states >= 2} ordinal states. @throws IllegalArgumentException naming the parameter */
    public static DiscreteDiffusion discretizedGaussian(int states, double[] betas) {
        return create(Family.DISCRETIZED_GAUSSIAN, states, betas);
    }

    /**
     * A diffusion of the given family.
     *
     * @param family the transition family
     * @param states \( K \ge 2 \)
     * @param betas \( \beta_1..\beta_T \), \( T \ge 1 \), each in (0, 1] (copied)
     */
    public static DiscreteDiffusion create(Family family, int states, double[] betas) {
        if (family == null) {
            throw new IllegalArgumentException("family: expected a family, got null");
        }
        if (!(states >= 2)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_STATES, 2, family, states));
        }
        if (betas == null || betas.length == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_BETAS,
                betas == null ? "null" : "an empty array"));
        }
        for (int t = 0; t < betas.length; t++) {
            D3pmSchedules.requireBeta("betas[" + t + "]", betas[t]);
        }
        return new DiscreteDiffusion(family, states, betas.clone());
    }

    /** The transition family. */
    public Family family() {
        return family;
    }

    @Override
    public int states() {
        return k;
    }

    @Override
    public int steps() {
        return betas.length;
    }

    /** \( \beta_1..\beta_T \) (a copy). */
    public double[] betas() {
        return betas.clone();
    }

    /** The mask state \( K - 1 \) of the absorbing family; -1 for the other families. */
    public int maskState() {
        return family == Family.ABSORBING ? k - 1 : -1;
    }

    /**
     * \( \bar\alpha_t = \prod_{s \le t} (1 - \beta_s) \), the probability that a token has not been
     * corrupted (resampled or masked) by step t; 1 at \( t = 0 \), exactly 0 after a step with
     * \( \beta = 1 \). For the "jsd" schedule it is \( 1 - t/T \).
     *
     * @throws IllegalStateException for the discretized-Gaussian family
     */
    public double keepProbability(int t) {
        Stochastic.index("t", t, 0, steps());
        if (family == Family.DISCRETIZED_GAUSSIAN) {
            throw new IllegalStateException(String.format(Locale.ROOT, MSG_KEEP, family));
        }
        return keep.alphaBar(t);
    }

    /** \( 1 - \bar\alpha_t \) within 1 ulp (uniform and absorbing families). */
    double oneMinusKeepProbability(int t) {
        return keep.oneMinusAlphaBar(t);
    }

    /**
     * The entries of \( Q_t \) as {@link #fill} writes them (uniform and absorbing families):
     * {@code {diagonal, off-diagonal, 1 - beta_t}} for the uniform family,
     * {@code {1 - beta_t, beta_t (to the mask), 1 - beta_t}} for the absorbing family.
     */
    double[] stepEntries(int t) {
        DoubleDouble stay = DoubleDouble.difference(1, betas[t - 1]);
        DoubleDouble move = DoubleDouble.of(betas[t - 1]);
        double s = stay.doubleValue();
        if (family == Family.UNIFORM) {
            return new double[] {entry(stay, move, 0, 0).doubleValue(), entry(stay, move, 0, 1).doubleValue(), s};
        }
        return new double[] {s, move.doubleValue(), s};
    }

    @Override
    public void fill(int t, double[][] out) {
        Stochastic.index("t", t, 1, steps());
        double b = betas[t - 1];
        if (family == Family.DISCRETIZED_GAUSSIAN) {
            DiscretizedGaussianTransitions.fill(out, k, b);
        } else {
            blend(out, DoubleDouble.difference(1, b), DoubleDouble.of(b));
        }
    }

    /**
     * \( \bar{Q}_t = Q_1 \cdots Q_t \) ({@code [x_0][x_t]} \( = q(x_t \mid x_0) \)), in closed form for the
     * uniform and absorbing families and as a compensated matrix product for the
     * discretized-Gaussian family; the identity at \( t = 0 \).
     */
    public double[][] cumulative(int t) {
        Stochastic.index("t", t, 0, steps());
        double[][] out = new double[k][k];
        if (family == Family.DISCRETIZED_GAUSSIAN) {
            double[][] bar = gaussian.cumulative(t);
            for (int i = 0; i < k; i++) {
                out[i] = bar[i].clone();
            }
        } else {
            blend(out, keep.alphaBarDd(t), keep.oneMinusAlphaBarDd(t));
        }
        return out;
    }

    /** Row \( x_0 \) of \( \bar{Q}_t \): the distribution \( q(x_t \mid x_0) \). */
    public double[] cumulativeRow(int t, int x0) {
        Stochastic.index("t", t, 0, steps());
        Stochastic.index("x0", x0, 0, k - 1);
        if (family != Family.DISCRETIZED_GAUSSIAN) {
            double[] row = new double[k];
            for (int j = 0; j < k; j++) {
                row[j] = entry(keep.alphaBarDd(t), keep.oneMinusAlphaBarDd(t), x0, j).doubleValue();
            }
            return row;
        }
        return gaussian.cumulative(t)[x0].clone();
    }

    /**
     * The forward posterior by Bayes' rule (Austin et al. eq. 3):
     * \( q(x_{t-1} = i \mid x_t, x_0) = Q_t[i][x_t]\, \bar{Q}_{t-1}[x_0][i] / \bar{Q}_t[x_0][x_t] \), the
     * denominator taken as the compensated sum of the numerators.
     *
     * @throws IllegalArgumentException if \( \bar{Q}_t[x_0][x_t] = 0 \)
     */
    public double[] posterior(int t, int x0, int xt) {
        Stochastic.index("t", t, 1, steps());
        Stochastic.index("xt", xt, 0, k - 1);
        if (family != Family.DISCRETIZED_GAUSSIAN) {
            return closedFormPosterior(t, x0, xt);
        }
        double[] prev = cumulativeRow(t - 1, x0);
        double[][] q = transition(t);
        double[] post = new double[k];
        NeumaierSum z = NeumaierSum.create();
        for (int i = 0; i < k; i++) {
            post[i] = q[i][xt] * prev[i];
            z.add(post[i]);
        }
        double norm = z.sum();
        if (!(norm > 0)) {
            throw unreachable(t, x0, xt);
        }
        for (int i = 0; i < k; i++) {
            post[i] /= norm;
        }
        return post;
    }

    /** Bayes' rule in double-double on the closed-form entries, each probability rounded once. */
    private double[] closedFormPosterior(int t, int x0, int xt) {
        Stochastic.index("x0", x0, 0, k - 1);
        double b = betas[t - 1];
        DoubleDouble stay = DoubleDouble.difference(1, b);
        DoubleDouble move = DoubleDouble.of(b);
        DoubleDouble keepPrev = keep.alphaBarDd(t - 1);
        DoubleDouble movePrev = keep.oneMinusAlphaBarDd(t - 1);
        DoubleDouble[] num = new DoubleDouble[k];
        DoubleDouble z = DoubleDouble.ZERO;
        for (int i = 0; i < k; i++) {
            num[i] = entry(stay, move, i, xt).multiply(entry(keepPrev, movePrev, x0, i));
            z = z.add(num[i]);
        }
        if (!(z.hi() > 0)) {
            throw unreachable(t, x0, xt);
        }
        double[] post = new double[k];
        for (int i = 0; i < k; i++) {
            post[i] = num[i].divide(z).doubleValue();
        }
        return post;
    }

    private static IllegalArgumentException unreachable(int t, int x0, int xt) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
            "xt: state %d is unreachable at step %d from x0 = %d; expected a reachable state", xt, t, x0));
    }

    /** The forward process started from {@code q0} as a materialised chain (\( T K^2 \) numbers). */
    public FiniteChain forwardChain(double[] q0) {
        double[][][] qs = new double[steps()][][];
        for (int t = 1; t <= steps(); t++) {
            qs[t - 1] = transition(t);
        }
        return FiniteChain.of(q0, qs);
    }

    /**
     * The exact variational bound of this forward process with data distribution {@code q0} against
     * the reverse model {@code p}: VLB per \( x_0 \), its terms \( L_T, L_{t-1}, L_0 \), \( \log p(x_0) \),
     * \( L_{\mathrm{VLB}} \) and \( L_{\mathrm{CE}} \), by the \( O(T K^2) \) dynamic programs of
     * {@link VariationalBound} (plus the cost of the reverse matrices, \( O(K^2) \) per step for
     * matrices or an x₀-parameterised model of the uniform or absorbing family).
     */
    public VariationalBound bound(double[] q0, D3pmReverseModel p) {
        return VariationalBound.of(q0, this, p.prior(), p);
    }

    /**
     * The structured bound of the uniform and absorbing families against an x₀-parameterised
     * {@link D3pmReverseModel.Form#JOINT JOINT} model of this diffusion: \( O(K^2) \) multiply-adds and
     * \( O(K) \) logs per step instead of \( K^2 \) logs ({@code D3pmStructuredBound}); empty otherwise.
     */
    @Override
    public Optional<double[][]> structuredBound(double[] prior, TransitionSource reverse) {
        if (!(reverse instanceof D3pmReverseModel)) {
            return Optional.empty();
        }
        return Optional.ofNullable(D3pmStructuredBound.compute(this, prior, (D3pmReverseModel) reverse));
    }

    /**
     * \( v \bar{Q}_t \): \( O(K) \) in closed form, \( O(K^2) \) for the discretized-Gaussian family once
     * \( \bar{Q}_t \) is at hand ({@link DiscretizedGaussianTransitions}: about \( 2 K^3 \) per step over a pass).
     */
    double[] timesCumulative(int t, double[] v) {
        double[] out = new double[k];
        if (family != Family.DISCRETIZED_GAUSSIAN) {
            double a = keep.alphaBar(t);
            double oneMinus = keep.oneMinusAlphaBar(t);
            double mass = NeumaierSum.sum(v);
            for (int j = 0; j < k; j++) {
                out[j] = a * v[j];
            }
            if (family == Family.UNIFORM) {
                for (int j = 0; j < k; j++) {
                    out[j] += oneMinus * mass / k;
                }
            } else {
                out[k - 1] += oneMinus * mass;
            }
            return out;
        }
        Stochastic.propagate(v, gaussian.cumulative(t), out, new double[k]);
        return out;
    }

    /**
     * {@code stay * I + move * (uniform rows, or the mask column)}, each entry the correct rounding of
     * its double-double value: {@code stay + move/K} on the uniform diagonal, {@code move/K} off it.
     */
    private void blend(double[][] out, DoubleDouble stay, DoubleDouble move) {
        double diag = entry(stay, move, 0, 0).doubleValue();
        double off = family == Family.UNIFORM ? entry(stay, move, 0, 1).doubleValue() : move.doubleValue();
        double stays = stay.doubleValue();
        for (int i = 0; i < k; i++) {
            double[] row = out[i];
            if (family == Family.UNIFORM) {
                java.util.Arrays.fill(row, 0, k, off);
                row[i] = diag;
            } else {
                java.util.Arrays.fill(row, 0, k, 0.0);
                if (i == k - 1) {
                    row[i] = 1;
                } else {
                    row[i] = stays;
                    row[k - 1] = off;
                }
            }
        }
    }

    /**
     * Entry (i, j) of {@code stay * I + move * (uniform rows, or the mask column)} in double-double
     * (uniform and absorbing families): Q_t with stay = 1 − β_t, move = β_t; Q̄_t with stay = ᾱ_t,
     * move = 1 − ᾱ_t.
     */
    private DoubleDouble entry(DoubleDouble stay, DoubleDouble move, int i, int j) {
        if (family == Family.UNIFORM) {
            DoubleDouble spread = move.divide(DoubleDouble.of(k));
            return i == j ? stay.add(spread) : spread;
        }
        int mask = k - 1;
        if (i == mask) {
            return j == mask ? DoubleDouble.ONE : DoubleDouble.ZERO;
        }
        return j == i ? stay : j == mask ? move : DoubleDouble.ZERO;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DiscreteDiffusion[%s, K=%d, T=%d, betas=%s]", family, k, steps(),
            java.util.Arrays.toString(betas));
    }
}

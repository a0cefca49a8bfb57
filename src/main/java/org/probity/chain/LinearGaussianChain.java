package org.probity.chain;

import java.util.Locale;
import org.probity.math.NeumaierSum;

/**
 * A scalar linear-Gaussian Markov chain \( x_0 \sim \mathcal N(m_0, P_0) \),
 * \( x_t = a_t x_{t-1} + b_t + \varepsilon_t \), \( \varepsilon_t \sim \mathcal N(0, v_t) \),
 * \( t = 1..T \): the forward process of a Gaussian diffusion (\( a_t = \sqrt{1-\beta_t} \),
 * \( b_t = 0 \), \( v_t = \beta_t \), \( P_0 = 0 \) for a given \( x_0 \)) and, read backwards, every
 * linear-Gaussian reverse model. Everything is in closed form: marginals
 * \( m_t = a_t m_{t-1} + b_t \), \( P_t = a_t^2 P_{t-1} + v_t \); covariances
 * \( \mathrm{Cov}(x_s, x_t) = (\prod_{u=s+1}^t a_u) P_s \) for \( s \le t \); the joint as a
 * {@link GaussianVector} (so any conditional by the Schur complement); the backward kernel
 * \( x_{t-1} \mid x_t \) by Bayes' rule; expectations of quadratic path functionals from the first
 * and second moments. Zero variances (point masses) are allowed. Immutable.
 *
 * <p>Accuracy: moments by the recurrences above, each step a few roundings (relative error about
 * \( 3tu \) when the terms are of one sign); expectations summed with Neumaier compensation.
 */
public final class LinearGaussianChain {
    private static final String MSG_LEN = "%s: expected %d entries (one per step), got %d";
    private static final String MSG_FINITE = "%s[%d]: expected a finite number, got %s";
    private static final String MSG_VAR = "%s: expected a finite variance >= 0, got %s";
    private static final String MSG_STEP = "t: expected a timestep in %d..%d, got %d";
    private static final String MSG_DEGENERATE = "t: the backward kernel at step %d conditions on x_%d, whose variance is 0";

    private final double[] gain;
    private final double[] offset;
    private final double[] noise;
    private final double[] mean;
    private final double[] var;

    private LinearGaussianChain(double m0, double p0, double[] gain, double[] offset, double[] noise) {
        this.gain = gain;
        this.offset = offset;
        this.noise = noise;
        int n = gain.length;
        mean = new double[n + 1];
        var = new double[n + 1];
        mean[0] = m0;
        var[0] = p0;
        for (int t = 1; t <= n; t++) {
            double a = gain[t - 1];
            mean[t] = a * mean[t - 1] + offset[t - 1];
            var[t] = a * a * var[t - 1] + noise[t - 1];
        }
    }

    /**
     * The chain \( x_t = a_t x_{t-1} + b_t + \mathcal N(0, v_t) \) from \( x_0 \sim \mathcal N(m_0, P_0) \).
     *
     * @param initialMean \( m_0 \), finite
     * @param initialVariance \( P_0 \ge 0 \), finite (0: a known start)
     * @param gains \( a_1..a_T \), finite
     * @param offsets \( b_1..b_T \), finite (same length)
     * @param noiseVariances \( v_1..v_T \ge 0 \), finite (same length)
     * @return the chain (arrays copied); T = 0 is a single Gaussian
     * @throws IllegalArgumentException naming the offending argument
     */
    public static LinearGaussianChain of(double initialMean, double initialVariance, double[] gains, double[] offsets,
                                         double[] noiseVariances) {
        if (!Double.isFinite(initialMean)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_FINITE, "initialMean", 0, initialMean));
        }
        if (!(initialVariance >= 0 && initialVariance < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_VAR, "initialVariance", initialVariance));
        }
        int n = gains.length;
        check("offsets", offsets, n, false);
        check("noiseVariances", noiseVariances, n, true);
        check("gains", gains, n, false);
        return new LinearGaussianChain(initialMean, initialVariance, gains.clone(), offsets.clone(), noiseVariances.clone());
    }

    private static void check(String name, double[] xs, int n, boolean variance) {
        if (xs.length != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_LEN, name, n, xs.length));
        }
        for (int i = 0; i < n; i++) {
            if (!(Double.isFinite(xs[i]) && (!variance || xs[i] >= 0))) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_FINITE, name, i, xs[i])
                    + (variance ? " >= 0" : ""));
            }
        }
    }

    /** The number of steps T (the chain has T + 1 variables \( x_0..x_T \)). */
    public int steps() {
        return gain.length;
    }

    /** \( a_t \), \( t \in 1..T \). */
    public double gain(int t) {
        return gain[step(t, 1) - 1];
    }

    /** \( b_t \), \( t \in 1..T \). */
    public double offset(int t) {
        return offset[step(t, 1) - 1];
    }

    /** \( v_t \), \( t \in 1..T \). */
    public double noiseVariance(int t) {
        return noise[step(t, 1) - 1];
    }

    /** \( E[x_t] \), \( t \in 0..T \). */
    public double mean(int t) {
        return mean[step(t, 0)];
    }

    /** \( \mathrm{Var}[x_t] \), \( t \in 0..T \). */
    public double variance(int t) {
        return var[step(t, 0)];
    }

    /** \( \mathrm{Cov}(x_s, x_t) = (\prod_{u=s+1}^{t} a_u) P_s \) for \( s \le t \) (symmetric). */
    public double covariance(int s, int t) {
        step(s, 0);
        step(t, 0);
        int lo = Math.min(s, t);
        int hi = Math.max(s, t);
        double c = var[lo];
        for (int u = lo + 1; u <= hi; u++) {
            c *= gain[u - 1];
        }
        return c;
    }

    /** The joint of \( (x_0, \dots, x_T) \) (O(T²) entries). */
    public GaussianVector joint() {
        int n = gain.length + 1;
        double[][] c = new double[n][n];
        for (int s = 0; s < n; s++) {
            double v = var[s];
            c[s][s] = v;
            for (int t = s + 1; t < n; t++) {
                v *= gain[t - 1];
                c[s][t] = v;
                c[t][s] = v;
            }
        }
        return GaussianVector.of(mean, c);
    }

    /** The marginal of \( (x_s, x_t) \). */
    public GaussianVector pairwise(int s, int t) {
        double[][] c = {{variance(s), covariance(s, t)}, {covariance(s, t), variance(t)}};
        return GaussianVector.of(new double[] {mean[s], mean[t]}, c);
    }

    /**
     * Any conditional \( x_A \mid x_B = \text{values} \) of the joint, by the Schur complement.
     *
     * @param targets the indices A (0..T)
     * @param given the indices B (0..T), disjoint from A
     * @param values \( x_B \)
     * @return the conditional
     */
    public GaussianVector conditional(int[] targets, int[] given, double[] values) {
        return joint().conditional(targets, given, values);
    }

    /**
     * The backward kernel \( x_{t-1} \mid x_t \sim \mathcal N(k x_t + h, w) \) by Bayes' rule:
     * \( k = a_t P_{t-1} / P_t \), \( h = m_{t-1} - k m_t \), \( w = P_{t-1} v_t / P_t \).
     *
     * @param t a step in 1..T with \( P_t &gt; 0 \)
     * @return {@code {k, h, w}}
     * @throws IllegalArgumentException if \( P_t = 0 \)
     */
    public double[] backwardKernel(int t) {
        step(t, 1);
        if (!(var[t] > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_DEGENERATE, t, t));
        }
        double k = gain[t - 1] * var[t - 1] / var[t];
        return new double[] {k, mean[t - 1] - k * mean[t], var[t - 1] * (noise[t - 1] / var[t])};
    }

    /** \( E[x_{t-1} x_t] = a_t P_{t-1} + m_{t-1} m_t \)... as raw moments {@code {E x_{t-1}^2, E x_{t-1} x_t, E x_t^2}}. */
    private double[] moments(int t) {
        double m0 = mean[t - 1];
        double m1 = mean[t];
        return new double[] {var[t - 1] + m0 * m0, gain[t - 1] * var[t - 1] + m0 * m1, var[t] + m1 * m1};
    }

    /**
     * The exact expectation \( E\big[\sum_{t=1}^{T} Q_t(x_{t-1}, x_t)\big] \) of a quadratic path
     * functional, from \( E[x_{t-1}^2] = P_{t-1} + m_{t-1}^2 \), \( E[x_{t-1}x_t] = a_t P_{t-1} + m_{t-1}m_t \),
     * \( E[x_t^2] = P_t + m_t^2 \); O(T), summed with compensation.
     *
     * @param perStep \( Q_1..Q_T \) (null entries count as 0)
     * @return the expectation
     */
    public double expectation(StepQuadratic... perStep) {
        if (perStep.length != gain.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_LEN, "perStep", gain.length, perStep.length));
        }
        NeumaierSum s = NeumaierSum.create();
        for (int t = 1; t <= gain.length; t++) {
            StepQuadratic q = perStep[t - 1];
            if (q == null) {
                continue;
            }
            double[] e = moments(t);
            s.add(q.xx() * e[0]).add(q.xy() * e[1]).add(q.yy() * e[2]).add(q.x() * mean[t - 1]).add(q.y() * mean[t]).add(q.c());
        }
        return s.sum();
    }

    /**
     * \( E\big[\sum_t |Q_t|\big] \)-style magnitude of {@link #expectation}: the same sum with every
     * summand replaced by its absolute value. The rounding error of {@code expectation} is at most a
     * few \( u \) times this (Higham, §4.2: the error of a sum is bounded by the sum of absolute values).
     */
    public double expectationMagnitude(StepQuadratic... perStep) {
        if (perStep.length != gain.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_LEN, "perStep", gain.length, perStep.length));
        }
        double s = 0;
        for (int t = 1; t <= gain.length; t++) {
            StepQuadratic q = perStep[t - 1];
            if (q == null) {
                continue;
            }
            double[] e = moments(t);
            s += Math.abs(q.xx() * e[0]) + Math.abs(q.xy() * e[1]) + Math.abs(q.yy() * e[2]) + Math.abs(q.x() * mean[t - 1])
                + Math.abs(q.y() * mean[t]) + Math.abs(q.c());
        }
        return s;
    }

    /**
     * An upper bound on the 2-norm condition number of the joint covariance of \( x_0..x_T \)
     * (all variances positive): \( \lambda_{\max}(\Sigma^{-1}) \le \) the Gershgorin bound of the
     * tridiagonal precision (diagonal \( 1/v_k + a_{k+1}^2/v_{k+1} \), off-diagonal \( -a_{k+1}/v_{k+1} \)),
     * and \( \lambda_{\max}(\Sigma) \le \mathrm{tr}\,\Sigma \). It also bounds the condition of any
     * conditional of the joint (eigenvalues of a principal block of the precision interlace).
     */
    public double conditionNumberBound() {
        int n = gain.length;
        double trace = 0;
        for (double v : var) {
            trace += v;
        }
        double lmax = 0;
        for (int k = 0; k <= n; k++) {
            double own = k == 0 ? 1 / var[0] : 1 / noise[k - 1];
            double next = k < n ? gain[k] * gain[k] / noise[k] : 0;
            double offNext = k < n ? Math.abs(gain[k]) / noise[k] : 0;
            double offPrev = k > 0 ? Math.abs(gain[k - 1]) / noise[k - 1] : 0;
            lmax = Math.max(lmax, own + next + offNext + offPrev);
        }
        return lmax * trace;
    }

    /**
     * \( \log p(x_0, \dots, x_T) = \log\mathcal N(x_0; m_0, P_0) + \sum_t \log\mathcal N(x_t; a_t x_{t-1} + b_t, v_t) \)
     * by the Markov factorisation (every noise variance must be positive). With a known start
     * (\( P_0 = 0 \)) the first factor is omitted: the result is \( \log p(x_{1:T} \mid x_0) \).
     */
    public double logDensity(double... path) {
        if (path.length != gain.length + 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_LEN, "path", gain.length + 1, path.length));
        }
        NeumaierSum s = NeumaierSum.create();
        if (var[0] > 0) {
            s.add(StepQuadratic.logNormalOfPrevious(mean[0], var[0]).value(path[0], 0));
        }
        for (int t = 1; t < path.length; t++) {
            s.add(StepQuadratic.logNormalStep(gain[t - 1], offset[t - 1], noise[t - 1]).value(path[t - 1], path[t]));
        }
        return s.sum();
    }

    private int step(int t, int min) {
        if (!(t >= min && t <= gain.length)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_STEP, min, gain.length, t));
        }
        return t;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LinearGaussianChain[T=%d, x0 ~ N(%s, %s)]", gain.length, mean[0], var[0]);
    }
}

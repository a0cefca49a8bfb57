package org.probity.diffusion;

import java.util.Arrays;
import java.util.Locale;
import org.probity.chain.LinearGaussianChain;

/**
 * A reverse model that is linear-Gaussian in every dimension, with the same coefficients in each:
 * \( p(x_{t-1} \mid x_t) = \mathcal N(g_t x_t + h_t, e^{\ell_t}) \), \( p(x_T) = \mathcal N(m_T, s_T) \).
 * For these the VLB and \( \log p_\theta(x_0) \) are exact (closed form): see
 * {@link GaussianDiffusion#exactVlb} and {@link GaussianDiffusion#logLikelihood}. Step 1 is the
 * (continuous) Gaussian decoder. Immutable.
 *
 * <p>This family contains the ε-model \( \hat\varepsilon = k_t x_t + j_t \) with any
 * {@link ReverseVariance} whose interpolation does not depend on \( x_t \), and the true reverse
 * process of the forward diffusion when the data are Gaussian ({@link #trueReverse}).
 */
public final class LinearGaussianReverse implements ReverseModel {
    private static final String MSG_LEN = "%s: expected %d entries (one per step), got %d";
    private static final String MSG_FINITE = "%s[%d]: expected a finite number, got %s";
    private static final String MSG_PRIOR = "%s: expected %s, got %s";

    private final double[] gains;
    private final double[] offsets;
    private final double[] logVariances;
    private final double priorMean;
    private final double priorVariance;

    private LinearGaussianReverse(double[] g, double[] h, double[] lv, double pm, double pv) {
        gains = g;
        offsets = h;
        logVariances = lv;
        priorMean = pm;
        priorVariance = pv;
    }

    /**
     * The model with gains \( g_1..g_T \), offsets \( h_1..h_T \), log-variances \( \ell_1..\ell_T \)
     * (all finite, same length ≥ 1) and prior \( \mathcal N(m_T, s_T) \), \( s_T &gt; 0 \).
     */
    public static LinearGaussianReverse of(double[] gains, double[] offsets, double[] logVariances, double priorMean,
                                           double priorVariance) {
        int n = gains.length;
        check("gains", gains, n);
        check("offsets", offsets, n);
        check("logVariances", logVariances, n);
        if (n == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_LEN, "gains", 1, 0).replace("expected 1", "expected >= 1"));
        }
        if (!Double.isFinite(priorMean)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_PRIOR, "priorMean", "a finite number", priorMean));
        }
        if (!(priorVariance > 0 && priorVariance < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_PRIOR, "priorVariance", "a finite number > 0", priorVariance));
        }
        return new LinearGaussianReverse(gains.clone(), offsets.clone(), logVariances.clone(), priorMean, priorVariance);
    }

    private static void check(String name, double[] xs, int n) {
        if (xs.length != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_LEN, name, n, xs.length));
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(xs[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_FINITE, name, i, xs[i]));
            }
        }
    }

    /**
     * The ε-parameterised model with the linear predictor \( \hat\varepsilon(x_t, t) = k_t x_t + j_t \):
     * \( g_t = (1 - \beta_t k_t/\sqrt{1-\bar\alpha_t})/\sqrt{\alpha_t} \),
     * \( h_t = -\beta_t j_t / (\sqrt{1-\bar\alpha_t}\sqrt{\alpha_t}) \), the given variance choice
     * (for LEARNED, \( v_t \) per step; otherwise {@code v} may be null) and the standard normal prior.
     * Requires \( \beta_t &lt; 1 \) for every t.
     */
    public static LinearGaussianReverse fromEpsilon(NoiseSchedule s, double[] k, double[] j, ReverseVariance variance, double[] v) {
        int n = s.steps();
        double[] g = new double[n];
        double[] h = new double[n];
        double[] lv = new double[n];
        for (int t = 1; t <= n; t++) {
            double ra = 1 / Math.sqrt(s.alpha(t));
            double c = s.beta(t) / s.sqrtOneMinusAlphaBar(t);
            g[t - 1] = ra * (1 - c * k[t - 1]);
            h[t - 1] = -ra * c * j[t - 1];
            lv[t - 1] = variance.logVariance(s, t, v == null ? 0 : v[t - 1]);
        }
        return of(g, h, lv, 0, 1);
    }

    /**
     * The true reverse process of the forward diffusion when \( x_0 \sim \mathcal N(\mu, \sigma^2) \):
     * \( q(x_{t-1} \mid x_t) \) by Bayes' rule on the forward {@link LinearGaussianChain}, and
     * \( p(x_T) = q(x_T) \). Its joint equals the forward joint, so its VLB is tight.
     *
     * @param dataMean μ, finite
     * @param dataVariance σ² &gt; 0, finite
     */
    public static LinearGaussianReverse trueReverse(NoiseSchedule s, double dataMean, double dataVariance) {
        if (!(dataVariance > 0 && dataVariance < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_PRIOR, "dataVariance", "a finite number > 0", dataVariance));
        }
        LinearGaussianChain q = GaussianDiffusion.of(s).forwardChain(dataMean, dataVariance);
        int n = s.steps();
        double[] g = new double[n];
        double[] h = new double[n];
        double[] lv = new double[n];
        for (int t = 1; t <= n; t++) {
            double[] kern = q.backwardKernel(t);
            g[t - 1] = kern[0];
            h[t - 1] = kern[1];
            lv[t - 1] = Math.log(kern[2]);
        }
        return of(g, h, lv, q.mean(n), q.variance(n));
    }

    /** The number of steps T. */
    public int steps() {
        return gains.length;
    }

    /** \( g_t \). */
    public double gain(int t) {
        return gains[t - 1];
    }

    /** \( h_t \). */
    public double offset(int t) {
        return offsets[t - 1];
    }

    /** \( \ell_t = \log\sigma_t^2 \). */
    public double logVariance(int t) {
        return logVariances[t - 1];
    }

    @Override
    public double[] mean(int t, double[] xt) {
        double g = gains[t - 1];
        double h = offsets[t - 1];
        double[] m = new double[xt.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = g * xt[i] + h;
        }
        return m;
    }

    @Override
    public double[] logVariance(int t, double[] xt) {
        double[] lv = new double[xt.length];
        Arrays.fill(lv, logVariances[t - 1]);
        return lv;
    }

    @Override
    public double priorMean() {
        return priorMean;
    }

    @Override
    public double priorVariance() {
        return priorVariance;
    }

    /**
     * The reverse chain read as a forward {@link LinearGaussianChain} on \( (x_T, x_{T-1}, \dots, x_0) \):
     * index k of the chain is \( x_{T-k} \).
     */
    public LinearGaussianChain asChain() {
        int n = gains.length;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] v = new double[n];
        for (int k = 1; k <= n; k++) {
            int t = n - k + 1;
            a[k - 1] = gains[t - 1];
            b[k - 1] = offsets[t - 1];
            v[k - 1] = Math.exp(logVariances[t - 1]);
        }
        return LinearGaussianChain.of(priorMean, priorVariance, a, b, v);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LinearGaussianReverse[T=%d, prior N(%s, %s)]", gains.length, priorMean, priorVariance);
    }
}

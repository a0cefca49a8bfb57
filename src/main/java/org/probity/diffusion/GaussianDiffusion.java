package org.probity.diffusion;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.chain.DiagonalLinearGaussianChain;
import org.probity.chain.LinearGaussianChain;
import org.probity.dist.DiscretizedGaussian;
import org.probity.dist.Gaussian;
import org.probity.divergence.Kl;
import org.probity.math.Constants;

/**
 * The Gaussian diffusion of Ho et al. 2020 on a {@link NoiseSchedule}: the forward process
 * \( q(x_t \mid x_{t-1}) = \mathcal N(\sqrt{\alpha_t}x_{t-1}, \beta_t) \), its marginals
 * \( q(x_t \mid x_0) = \mathcal N(\sqrt{\bar\alpha_t}x_0, 1 - \bar\alpha_t) \), the posterior
 * \( q(x_{t-1} \mid x_t, x_0) = \mathcal N(c^{(0)}_t x_0 + c^{(t)}_t x_t, \tilde\beta_t) \), and the
 * terms of the variational bound against a {@link ReverseModel}: per term, exactly for
 * {@link LinearGaussianReverse} models, by Monte Carlo with a declared error for any model. Each
 * dimension is independent, so multi-dimensional quantities are sums over dimensions. Results in nats
 * unless named bits. Immutable and thread-safe.
 */
public final class GaussianDiffusion {
    private static final String MSG_POSTERIOR = "t: expected a timestep >= 2 (q(x_0 | x_1, x_0) is a point mass), got %d";
    private static final String MSG_X0 = "t: x_0 cannot be recovered from eps at step %d, where alphaBar_t = 0";

    private final NoiseSchedule s;
    private final ReverseModelBounds bounds;

    private GaussianDiffusion(NoiseSchedule s) {
        this.s = s;
        this.bounds = new ReverseModelBounds(this);
    }

    /** The diffusion on {@code schedule}. */
    public static GaussianDiffusion of(NoiseSchedule schedule) {
        return new GaussianDiffusion(Objects.requireNonNull(schedule, "schedule"));
    }

    /** The schedule. */
    public NoiseSchedule schedule() {
        return s;
    }

    /** Mean of \( q(x_t \mid x_{t-1}) \): \( \sqrt{\alpha_t} x_{t-1} \), \( t \in 1..T \). */
    public double stepMean(int t, double xPrev) {
        return Math.sqrt(s.alpha(t)) * xPrev;
    }

    /** Variance of \( q(x_t \mid x_{t-1}) \): \( \beta_t \). */
    public double stepVariance(int t) {
        return s.beta(t);
    }

    /**
     * \( q(x_t \mid x_0) = \mathcal N(\sqrt{\bar\alpha_t} x_0, 1 - \bar\alpha_t) \), \( t \in 1..T \)
     * (Ho et al. 2020, eq. 4); variance within 1 ulp.
     */
    public Gaussian marginal(int t, double x0) {
        if (t == 0) {
            s.beta(0); // names the valid range: the data itself is a point mass
        }
        return Gaussian.of(marginalMean(t, x0), marginalVariance(t));
    }

    /**
     * \( q(x_{t-1} \mid x_t, x_0) = \mathcal N(c^{(0)}_t x_0 + c^{(t)}_t x_t, \tilde\beta_t) \), \( t \in 2..T \)
     * (Ho et al. 2020, eq. 6-7; at t = 1 the posterior is the point mass at x_0).
     */
    public Gaussian posterior(int t, double x0, double xt) {
        if (t == 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_POSTERIOR, t));
        }
        return Gaussian.of(posteriorMean(t, x0, xt), posteriorVariance(t));
    }

    /** Mean of \( q(x_t \mid x_0) \): \( \sqrt{\bar\alpha_t} x_0 \), \( t \in 0..T \). */
    public double marginalMean(int t, double x0) {
        return s.sqrtAlphaBar(t) * x0;
    }

    /** Variance of \( q(x_t \mid x_0) \): \( 1 - \bar\alpha_t \) (within 1 ulp, see {@link NoiseSchedule}). */
    public double marginalVariance(int t) {
        return s.oneMinusAlphaBar(t);
    }

    /** Log-variance of \( q(x_t \mid x_0) \): \( \log(1 - \bar\alpha_t) \). */
    public double marginalLogVariance(int t) {
        return s.logOneMinusAlphaBar(t);
    }

    /** Mean of \( q(x_{t-1} \mid x_t, x_0) \): \( c^{(0)}_t x_0 + c^{(t)}_t x_t \), \( t \in 1..T \). */
    public double posteriorMean(int t, double x0, double xt) {
        return s.posteriorMeanCoefX0(t) * x0 + s.posteriorMeanCoefXt(t) * xt;
    }

    /** Variance \( \tilde\beta_t \) of \( q(x_{t-1} \mid x_t, x_0) \). */
    public double posteriorVariance(int t) {
        return s.posteriorVariance(t);
    }

    /** \( \log\tilde\beta_t \) (\( -\infty \) at t = 1). */
    public double posteriorLogVariance(int t) {
        return s.logPosteriorVariance(t);
    }

    /**
     * \( \hat x_0 = (x_t - \sqrt{1-\bar\alpha_t}\,\varepsilon)/\sqrt{\bar\alpha_t} \), evaluated as
     * \( x_t/\sqrt{\bar\alpha_t} - \varepsilon/\sqrt{\mathrm{SNR}_t} \) (Ho et al. 2020, eq. 4 solved for x_0).
     *
     * @throws IllegalArgumentException when \( \bar\alpha_t = 0 \) (zero terminal SNR)
     */
    public double predictX0FromEps(int t, double xt, double eps) {
        double sa = s.sqrtAlphaBar(t);
        if (!(sa > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_X0, t));
        }
        return xt / sa - eps * Math.sqrt(1 / s.snr(t));
    }

    /**
     * \( L_T = \mathrm{KL}(q(x_T \mid x_0) \| \mathcal N(0, 1)) = \tfrac12[-\bar\alpha_T - \log(1-\bar\alpha_T) + \bar\alpha_T x_0^2] \),
     * nats, with the first two terms as the series \( \sum_{k\ge2}\bar\alpha_T^k/k \) for
     * \( \bar\alpha_T \le 1/4 \) (no cancellation) and from the accurate \( \log(1-\bar\alpha_T) \) above.
     */
    public double priorKl(double x0) {
        return priorKl(x0, 0, 1);
    }

    /** \( \mathrm{KL}(q(x_T \mid x_0) \| \mathcal N(\mu_p, \sigma_p^2)) \), nats; see {@link #priorKl(double)}. */
    double priorKl(double x0, double pm, double pv) {
        int n = s.steps();
        // log(1 - abar_T) is accurate to 2 ulps at both ends (NoiseSchedule), and Kl evaluates
        // e^x - 1 - x without cancellation, so L_T keeps its relative accuracy when abar_T is tiny.
        return Kl.gaussianLogVariance(s.sqrtAlphaBar(n) * x0, s.logOneMinusAlphaBar(n), pm, Math.log(pv));
    }

    /**
     * One VLB term at a given \( x_t \): for \( t \ge 2 \),
     * \( L_{t-1} = \mathrm{KL}(q(x_{t-1} \mid x_t, x_0) \| \mathcal N(\text{modelMean}, e^{\text{modelLogVariance}})) \);
     * for t = 1, the decoder NLL \( -\log p(x_0 \mid x_1) \) with the discretized decoder and
     * log-scale \( \tfrac12 \) modelLogVariance (as the {@code vb_term} op of PROTOCOL.md).
     */
    public double vbTerm(int t, double x0, double xt, double modelMean, double modelLogVariance) {
        if (t == 1) {
            s.beta(t);
            return decoderNll(x0, modelMean, 0.5 * modelLogVariance);
        }
        return Kl.gaussianLogVariance(posteriorMean(t, x0, xt), s.logPosteriorVariance(t), modelMean, modelLogVariance);
    }

    /**
     * \( -\log p(x_0 \mid x_1) \) under the discretized Gaussian decoder (Ho et al. 2020, eq. 13): bins of
     * width 2/255 on [-1, 1], edge bins open; exact normal CDF in log space.
     *
     * @param x0 a value on the 256-level grid of [-1, 1]
     */
    public double decoderNll(double x0, double mean, double logScale) {
        return -DiscretizedGaussian.of(mean, logScale).logProbability(x0);
    }

    /** Nats to bits. */
    public static double toBits(double nats) {
        return nats / Constants.LN2;
    }

    /** The forward process from a known \( x_0 \) as a {@link LinearGaussianChain} on \( x_0..x_T \). */
    public LinearGaussianChain forwardChain(double x0) {
        return forwardChain(x0, 0);
    }

    /** The forward process from \( x_0 \sim \mathcal N(\mu, \sigma^2) \) as a {@link LinearGaussianChain}. */
    public LinearGaussianChain forwardChain(double dataMean, double dataVariance) {
        int n = s.steps();
        double[] a = new double[n];
        double[] v = new double[n];
        for (int t = 1; t <= n; t++) {
            a[t - 1] = Math.sqrt(s.alpha(t));
            v[t - 1] = s.beta(t);
        }
        return LinearGaussianChain.of(dataMean, dataVariance, a, new double[n], v);
    }

    /**
     * The exact VLB of a linear-Gaussian reverse model with the continuous Gaussian decoder, summed
     * over the dimensions of {@code x0} (Ho et al. 2020, eq. 5): with \( x_t \sim q(x_t \mid x_0) \) and
     * \( \tilde\mu_t - \mu_\theta = (c^{(0)}_t x_0 - h_t) + (c^{(t)}_t - g_t) x_t \), every expectation
     * is a Gaussian second moment, so each term is closed form:
     * \( L_{t-1} = \tfrac12 \sum_n (k_t + (u_t x_{0,n} - h_t)^2 / \sigma_t^2) \) with
     * \( u_t = c^{(0)}_t + (c^{(t)}_t - g_t)\sqrt{\bar\alpha_t} \) and \( k_t \) the variance part.
     * The sum over the D dimensions is taken from the data's centred moments, computed once
     * (\( \sum_n (u x_n - h)^2 = u^2 S + 2 u e R + D e^2 \), \( e = u \bar{x} - h \); {@code DataMoments}),
     * so the cost is O(T + D) and each term is within about 8 roundings of its value relative to its
     * size, with no cancellation however close \( u_t x_{0,n} \) is to \( h_t \)
     * ({@code GaussianExactVlbAccuracyTest}: against exact sums at T = 1000, D = 3072). Only the terms
     * summed over dimensions are returned ({@link VlbTerms}); {@code x0} may hold any finite values
     * (non-finite ones give infinite or NaN terms, as the per-dimension sum would).
     */
    public VlbTerms exactVlb(double[] x0, LinearGaussianReverse p) {
        return bounds.exactVlb(x0, p);
    }

    /**
     * The exact VLB of a diagonal model whose dimensions have their own linear-Gaussian coefficients:
     * every term is the sum over dimensions of the scalar terms.
     *
     * @param x0 the data point, one entry per dimension
     * @param perDimension one model per dimension (same length as x0)
     */
    public VlbTerms exactVlb(double[] x0, List<LinearGaussianReverse> perDimension) {
        return bounds.exactVlb(x0, perDimension);
    }

    /** The exact log-likelihood of a diagonal model with per-dimension coefficients (sum over dimensions). */
    public double logLikelihood(double[] x0, List<LinearGaussianReverse> perDimension) {
        return bounds.logLikelihood(x0, perDimension);
    }

    /** The forward process from a known multi-dimensional \( x_0 \): one chain per dimension. */
    public DiagonalLinearGaussianChain forwardChain(double[] x0) {
        LinearGaussianChain one = forwardChain(0.0);
        int n = s.steps();
        double[] a = new double[n];
        double[] v = new double[n];
        for (int t = 1; t <= n; t++) {
            a[t - 1] = one.gain(t);
            v[t - 1] = one.noiseVariance(t);
        }
        return DiagonalLinearGaussianChain.shared(x0, new double[x0.length], a, new double[n], v);
    }

    /** The exact VLB for one dimension. */
    public VlbTerms exactVlb(double x0, LinearGaussianReverse p) {
        return exactVlb(new double[] {x0}, p);
    }

    /**
     * The exact log-likelihood \( \log p_\theta(x_0) = \sum_d \log\mathcal N(x_{0,d}; m, P) \), where
     * \( \mathcal N(m, P) \) is the marginal of \( x_0 \) of the reverse chain
     * ({@link LinearGaussianReverse#asChain()}), in closed form.
     */
    public double logLikelihood(double[] x0, LinearGaussianReverse p) {
        return bounds.logLikelihood(x0, p);
    }

    /** The exact log-likelihood for one dimension. */
    public double logLikelihood(double x0, LinearGaussianReverse p) {
        return logLikelihood(new double[] {x0}, p);
    }

    /**
     * A Monte Carlo estimate of the VLB of any reverse model, summed over dimensions: each of
     * {@code samples} draws takes \( x_t \sim q(x_t \mid x_0) \) independently for every t and adds
     * \( L_T + \sum_{t\ge2} L_{t-1}(x_t) + L_0(x_1) \) (each term's expectation is the VLB term, so the
     * sum is unbiased). The sample size is fixed in advance; the declared half-width holds with
     * probability about \( 1 - \alpha \).
     *
     * @param x0 the data point (one entry per dimension; on the 256-level grid if {@code discretizedDecoder})
     * @param p the reverse model
     * @param discretizedDecoder L_0 by the discretized decoder (else the continuous Gaussian decoder)
     * @param samples n ≥ 2
     * @param falseAlarmRate α in (0, 1)
     * @param rng the randomness (passed in, never global)
     */
    public MonteCarloVlb monteCarloVlb(double[] x0, ReverseModel p, boolean discretizedDecoder, int samples,
                                       double falseAlarmRate, UniformRandomProvider rng) {
        return bounds.monteCarloVlb(x0, p, discretizedDecoder, samples, falseAlarmRate, rng);
    }

    @Override
    public String toString() {
        return "GaussianDiffusion[" + s + "]";
    }
}
